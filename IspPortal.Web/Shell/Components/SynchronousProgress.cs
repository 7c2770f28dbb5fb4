namespace IspPortal.Web.Shell.Components;

/// <summary>
/// Reports on the caller's own thread, in order, before the next step runs (unlike
/// <see cref="Progress{T}"/>, which posts and may deliver after the work has finished).
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
