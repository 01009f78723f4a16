using System.Runtime.InteropServices;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// glibc's <c>malloc_trim</c>: hands the free memory of every malloc arena back to the system. glibc only trims the
/// top of an arena by itself, so what TLS sessions, sockets and the runtime freed inside an arena after a busy period
/// stays resident until this is called. Elsewhere (musl, macOS, Windows) there is nothing to call.
/// </summary>
internal static partial class NativeHeap
{
    private static bool _unavailable;

    /// <summary>Returns whether anything was handed back; false also where <c>malloc_trim</c> does not exist.</summary>
    public static bool Trim()
    {
        if (_unavailable || !OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
