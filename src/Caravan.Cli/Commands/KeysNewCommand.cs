using System.CommandLine;
using Caravan.Core.Events;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan keys new --party ID [--out DIR]</c>: writes <c>ID.key.jwk</c> (private, mode 0600) and
/// <c>ID.pub.jwk</c> (to register with Caravan) and prints the key id. Exit 0, or 2 on bad input; never overwrites.
/// </summary>
public static class KeysNewCommand
{
    private const int MaxPartyIdLength = 64;

    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var party = new Option<string>("--party")
        {
            Description = "The party id the key is for (letters, digits, '.', '_', '-'); names the files.",
            Required = true,
            HelpName = "ID",
        };
        var output = new Option<string>("--out")
        {
            Description = "The directory to write the two files to (created if missing). Default: the current directory.",
            DefaultValueFactory = _ => ".",
            HelpName = "DIR",
        };
        var command = new Command(
            "new",
            "Make a new Ed25519 key pair: ID.key.jwk (private, readable by you only) and ID.pub.jwk (public, to register with Caravan). "
            + "Prints the key id (the RFC 7638 thumbprint). Refuses to overwrite existing files. Exit codes: 0 written, 2 bad input.");
        command.Options.Add(party);
        command.Options.Add(output);
        examples[command] =
        [
            "caravan keys new --party ktz",
            "caravan keys new --party ktz --out keys",
        ];

        command.SetAction(parseResult =>
        {
            var id = parseResult.GetRequiredValue(party);
            if (id.Length is 0 or > MaxPartyIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') || id.StartsWith('.'))
            {
                return console.Fail(ExitCodes.BadInput, $"--party '{id}': use 1 to {MaxPartyIdLength} letters, digits, '.', '_' or '-', not starting with '.'");
            }

            var directory = parseResult.GetRequiredValue(output);
            var privatePath = Path.Combine(directory, $"{id}.key.jwk");
            var publicPath = Path.Combine(directory, $"{id}.pub.jwk");
            foreach (var path in new[] { privatePath, publicPath })
            {
                if (File.Exists(path))
                {
                    return console.Fail(ExitCodes.BadInput, $"{path} already exists; move it away or choose another --out");
                }
            }

            using var key = EventSigningKey.Create();
            try
            {
                Directory.CreateDirectory(directory);
                WritePrivate(privatePath, key.ToPrivateJwk() + "\n");
                File.WriteAllText(publicPath, key.PublicKey.ToJwk() + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return console.Fail(ExitCodes.BadInput, $"cannot write the key files to {directory}: {e.Message}");
            }

            console.Output.WriteLine($"party:   {id}");
            console.Output.WriteLine($"kid:     {key.Kid}");
            console.Output.WriteLine($"private: {privatePath} (keep it secret; mode 0600)");
            console.Output.WriteLine($"public:  {publicPath} (register it with Caravan)");
            return ExitCodes.Ok;
        });
        return command;
    }

    // Created with owner-only permissions from the start, so the private key is never readable by others.
    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
