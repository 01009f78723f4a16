namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// A machine-wide named mutex held for one short file update. Tests kill fake processes (crash faults, a fake
/// kubelet's OOM and pod kills), so a holder can die inside the lock: WaitOne then throws AbandonedMutexException,
/// which still hands the mutex to the caller. The files it guards are rewritten whole or appended by line, so the
/// next holder goes on; before this, the fake crashed with that exception and the operator saw an unknown failure.
/// </summary>
internal sealed class MachineLock : IDisposable
{
    private readonly Mutex _mutex;

    private MachineLock(string name)
    {
        _mutex = new Mutex(false, name);
        try
        {
            _mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // Acquired: the previous holder was killed while holding it.
        }
    }

    public static MachineLock Take(string name) => new(name);

    public void Dispose()
    {
        _mutex.ReleaseMutex();
        _mutex.Dispose();
    }
}
