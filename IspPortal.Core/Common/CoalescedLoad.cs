using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Common;

/// <summary>
/// A read that many live screens of one instance want after the same change (every open dashboard,
/// every open map), done once for all of them. A caller says since when the state must be read
/// (the moment its change notice arrived: the change was saved before that); it joins the running
/// load if that started since, or else the next load, which starts when the running one ends and
/// serves everyone who asked meanwhile. So nobody is shown the state from before the change that
/// woke it, and however many circuits ask, an instance reads once or twice per change, not once per
/// circuit. Each load runs in a scope of its own, off the callers' circuits.
/// </summary>
public abstract class CoalescedLoad<T>(IServiceScopeFactory scopes)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<T>? _next;
    private TaskCompletionSource<T>? _running;
    private long _runningSince;

    /// <summary>The state as read now (by a load that starts after this call).</summary>
    public Task<T> LoadAsync(CancellationToken cancellationToken = default) => LoadAsync(Stopwatch.GetTimestamp(), cancellationToken);

    /// <param name="readSince">A <see cref="Stopwatch.GetTimestamp"/> the read must not start before.</param>
    public Task<T> LoadAsync(long readSince, CancellationToken cancellationToken = default)
    {
        Task<T> result;
        var start = false;
        lock (_gate)
        {
            if (_running is not null && _runningSince >= readSince)
                return _running.Task.WaitAsync(cancellationToken);
            _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            result = _next.Task;
            if (_running is null)
            {
                (_running, _next, _runningSince) = (_next, null, Stopwatch.GetTimestamp());
                start = true;
            }
        }
        if (start)
            _ = Task.Run(PumpAsync, CancellationToken.None);
        return result.WaitAsync(cancellationToken);
    }

    /// <summary>The read itself, with services of the load's own scope.</summary>
    protected abstract Task<T> ReadAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Runs the load that was started and then, one after another, the loads asked for meanwhile.</summary>
    private async Task PumpAsync()
    {
        var current = _running!;
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                current.SetResult(await ReadAsync(scope.ServiceProvider, CancellationToken.None));
            }
            catch (Exception exception)
            {
                current.SetException(exception);
            }
            lock (_gate)
            {
                (_running, _next, _runningSince) = (_next, null, Stopwatch.GetTimestamp());
                if (_running is null)
                    return;
                current = _running;
            }
        }
    }
}
