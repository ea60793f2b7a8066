namespace Caravan.Storage;

/// <summary>
/// Files and directories that hold secrets (the database with custodial private keys and webhook secrets, the key
/// files) are created readable by their owner only on Unix: the directory 0700, files 0600. What exists already keeps
/// its mode: a directory the operator made is the operator's choice.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/>, mode 0700 on Unix (missing parents get the process's default mode: the
    /// secrets are inside this one); an existing directory is left as it is.
    /// </summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Creates <paramref name="path"/> for writing, mode 0600 on Unix; an existing file is an <see cref="IOException"/>.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>Creates <paramref name="path"/> empty, mode 0600 on Unix, unless it exists; true when it was created.</summary>
    public static bool CreateEmptyFile(string path)
    {
        try
        {
            CreateNew(path).Dispose();
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }
}
