using System.Reflection;
using System.Runtime.CompilerServices;
using Caravan.Core.Geography;

namespace Caravan.Core.Tests;

/// <summary>Design rules of DESIGN.md and STYLE.md, checked by reflection over the Caravan.Core assembly.</summary>
public sealed class DesignRulesTests
{
    private const string RootNamespace = "Caravan.Core";

    // DESIGN.md §2: the feature folders of Caravan.Core. A new folder is a design decision: add it here and there.
    private static readonly HashSet<string> AllowedFeatureNamespaces =
    [
        "Alerts",
        "Events",
        "Geography",
        "Network",
        "Network.Csv",
        "Network.Loading",
        "Planning",
        "Planning.Search",
        "Shipments",
        "Simulation",
        "Telemetry",
    ];

    private static readonly Assembly Core = typeof(Locode).Assembly;

    private static IEnumerable<Type> PublicTypes => Core.GetExportedTypes();

    [Fact]
    public void The_assembly_under_test_is_Caravan_Core_and_exports_types()
    {
        Assert.Equal(RootNamespace, Core.GetName().Name);
        Assert.NotEmpty(PublicTypes);
    }

    [Fact]
    public void Every_public_class_is_sealed_or_static()
    {
        // A static class is abstract and sealed in metadata; any other abstract class would be designed for
        // inheritance, and Caravan.Core has none.
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed)
            .Select(t => t.FullName)
            .ToList();

        Assert.True(open.Count == 0, $"Public classes neither sealed nor static: {string.Join(", ", open)}");
    }

    // The one library Caravan.Core may use beyond the BCL. Signing and verifying events is domain logic
    // (DESIGN.md §3 "Events": the chain, its signatures and the offline verifier belong to the domain, so the
    // server and `caravan verify` check exactly the same rules), and the BCL has no Ed25519 (dotnet/runtime#63174).
    // NSec wraps libsodium's audited Ed25519; writing our own curve arithmetic would be the worse risk.
    private static readonly HashSet<string> AllowedNonBclReferences = ["NSec.Cryptography"];

    [Fact]
    public void Caravan_Core_references_only_the_base_class_library_and_NSec()
    {
        // The shared framework (Microsoft.NETCore.App) holds System.*, Microsoft.Win32.*, Microsoft.CSharp and
        // netstandard; ASP.NET Core, storage drivers, CLI libraries and Caravan's other assemblies live elsewhere.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var outside = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !File.Exists(Path.Combine(frameworkDirectory, name + ".dll")))
            .ToList();

        Assert.True(
            outside.All(AllowedNonBclReferences.Contains),
            $"Caravan.Core references assemblies outside the BCL: {string.Join(", ", outside.Where(n => !AllowedNonBclReferences.Contains(n)))}");
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Data")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Npgsql")]
    [InlineData("MQTTnet")]
    [InlineData("System.CommandLine")]
    [InlineData("Spectre.Console")]
    [InlineData("Caravan.Storage")]
    [InlineData("Caravan.Server")]
    [InlineData("Caravan.Cli")]
    public void Caravan_Core_references_no_host_storage_or_cli_assembly(string prefix)
    {
        var offending = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal))
            .ToList();

        Assert.True(offending.Count == 0, $"Caravan.Core references {string.Join(", ", offending)}");
    }

    [Fact]
    public void Every_public_type_lives_in_a_feature_namespace_of_Caravan_Core()
    {
        var misplaced = PublicTypes
            .Where(t => !IsInFeatureNamespace(t.Namespace))
            .Select(t => $"{t.FullName} (namespace {t.Namespace ?? "<global>"})")
            .ToList();

        Assert.True(misplaced.Count == 0, $"Public types outside {RootNamespace}.{{{string.Join(", ", AllowedFeatureNamespaces)}}}: {string.Join(", ", misplaced)}");
    }

    [Fact]
    public void Every_public_type_is_in_a_file_named_after_it_in_the_folder_of_its_namespace()
    {
        var sourceRoot = Path.Combine(RepositoryRoot(), "src", RootNamespace);
        var missing = PublicTypes
            .Where(t => !t.IsNested && t.Namespace is not null)
            .Select(t => (Type: t, File: Path.Combine(
                [sourceRoot, .. t.Namespace![RootNamespace.Length..].Split('.', StringSplitOptions.RemoveEmptyEntries), SourceFileName(t)])))
            .Where(x => !File.Exists(x.File))
            .Select(x => $"{x.Type.FullName} (expected {Path.GetRelativePath(sourceRoot, x.File)})")
            .ToList();

        Assert.True(missing.Count == 0, $"Public types whose file is not where their namespace says: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Value_types_in_Geography_and_Shipments_are_readonly()
    {
        var structs = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum)
            .Where(t => t.Namespace is $"{RootNamespace}.Geography" or $"{RootNamespace}.Shipments")
            .ToList();
        var mutable = structs
            .Where(t => !t.IsDefined(typeof(IsReadOnlyAttribute), inherit: false))
            .Select(t => t.FullName)
            .ToList();

        Assert.Contains(typeof(Locode), structs);
        Assert.True(mutable.Count == 0, $"Value types that are not readonly: {string.Join(", ", mutable)}");
    }

    private static bool IsInFeatureNamespace(string? ns) =>
        ns is not null
        && ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal)
        && AllowedFeatureNamespaces.Contains(ns[(RootNamespace.Length + 1)..]);

    // Generic types carry their arity after a backtick in metadata (Result`1); the file is named without it.
    private static string SourceFileName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? type.Name : type.Name[..tick]) + ".cs";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Caravan.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Caravan.slnx above {AppContext.BaseDirectory}.");
    }
}
