using IspPortal.Core.Network.Sync;

namespace IspPortal.Web.Shell.Components;

/// <summary>
/// Reloads a screen when the network changes (a sync, an isolir, a registration): changes that
/// arrive while a reload runs cause exactly one more, so a burst of fifty routers' syncs costs two
/// reloads, not fifty. Dispose with the component: that ends the subscription.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private readonly Func<Func<Task>, Task> _invokeAsync;
    private readonly Func<Task> _reload;
    private readonly IDisposable _subscription;
    private int _requests;
    private long _changedAt;

    /// <param name="invokeAsync">The component's InvokeAsync, so the reload runs on its circuit.</param>
    public LiveRefresh(NetworkChangeFeed feed, Func<Func<Task>, Task> invokeAsync, Func<Task> reload)
        : this(changed => feed.Subscribe(_ => changed()), invokeAsync, reload)
    {
    }

    /// <param name="subscribe">Subscribes the given callback to whatever feed should reload the screen (and returns the subscription).</param>
    public LiveRefresh(Func<Action, IDisposable> subscribe, Func<Func<Task>, Task> invokeAsync, Func<Task> reload)
    {
        _invokeAsync = invokeAsync;
        _reload = reload;
        _subscription = subscribe(OnChanged);
    }

    /// <summary>
    /// When the latest change notice began to be delivered on this instance (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>):
    /// a reload that starts after it sees the change, so every screen the same notice woke can share one read.
    /// </summary>
    public long ChangedAt => Volatile.Read(ref _changedAt);

    private void OnChanged()
    {
        var delivered = IspPortal.Core.Common.LiveDelivery.StartedAt;
        Volatile.Write(ref _changedAt, delivered != 0 ? delivered : System.Diagnostics.Stopwatch.GetTimestamp());
        if (Interlocked.Increment(ref _requests) == 1)
            _ = _invokeAsync(RunAsync);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            var seen = Volatile.Read(ref _requests);
            await _reload();
            if (Interlocked.Add(ref _requests, -seen) == 0)
                return;
        }
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>Several feeds' subscriptions as one, for a screen that follows more than one feed.</summary>
    public static IDisposable All(params IDisposable[] subscriptions) => new Subscriptions(subscriptions);

    private sealed class Subscriptions(IDisposable[] subscriptions) : IDisposable
    {
        public void Dispose()
        {
            foreach (var subscription in subscriptions)
                subscription.Dispose();
        }
    }
}
