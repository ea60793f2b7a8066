using System.Globalization;

namespace Caravan.Load;

/// <summary>A process's resident memory as Linux reports it in <c>/proc/PID/status</c>: now (VmRSS) and its peak (VmHWM).</summary>
public readonly record struct ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    public static ProcessMemory Of(int processId)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line) * 1024;
            }
        }

        return new ProcessMemory(rss, hwm);
    }

    /// <summary>This process's soft limit of open files (<c>ulimit -n</c>), which a server started from it inherits.</summary>
    public static long OpenFilesLimit()
    {
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 3 } && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : long.MaxValue;
    }

    /// <summary>CPU time a process has used so far, user and system (<c>/proc/PID/stat</c>, in clock ticks of 10 ms).</summary>
    public static TimeSpan CpuTime(int processId)
    {
        return Ticks(File.ReadAllText($"/proc/{processId}/stat"));
    }

    private static TimeSpan Ticks(string stat)
    {
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>CPU time, user and system, of a process's thread named <paramref name="threadName"/>; null when it has none.</summary>
    public static TimeSpan? ThreadCpuTime(int processId, string threadName)
    {
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == threadName)
            {
                return Ticks(File.ReadAllText(Path.Combine(task, "stat")));
            }
        }

        return null;
    }

    /// <summary>Bytes a process has handed to write calls so far, to files and sockets alike (<c>wchar</c> in <c>/proc/PID/io</c>).</summary>
    public static long WrittenBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/io").First(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return long.Parse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.None, CultureInfo.InvariantCulture);
}
