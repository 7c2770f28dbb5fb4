using IspPortal.Core.Network;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using IspPortal.Web.Shell.Components;
using Microsoft.Extensions.Logging.Abstractions;

namespace IspPortal.Tests.Platform.Shell;

public sealed class LiveRefreshTests
{
    private static NetworkChanges Change() => new(1, "CKP", RouterHealth.Up, []);

    [Fact]
    public async Task A_burst_of_changes_during_a_reload_causes_exactly_one_more_reload()
    {
        var feed = new NetworkChangeFeed(NullLogger<NetworkChangeFeed>.Instance);
        var reloads = 0;
        var firstReloadStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var allDone = new TaskCompletionSource();
        using var live = new LiveRefresh(feed, work => Task.Run(work), async () =>
        {
            if (Interlocked.Increment(ref reloads) == 1)
            {
                firstReloadStarted.SetResult();
                await releaseFirst.Task;
            }
            else
            {
                allDone.TrySetResult();
            }
        });

        feed.Publish(Change());
        await firstReloadStarted.Task;
        for (var i = 0; i < 50; i++)
            feed.Publish(Change());
        releaseFirst.SetResult();
        await allDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        feed.Publish(Change());
        await Eventually.TrueAsync(() => Volatile.Read(ref reloads) == 3, TimeSpan.FromSeconds(10));

        Assert.Equal(3, reloads);
    }

    [Fact]
    public void Disposing_ends_the_subscription()
    {
        var feed = new NetworkChangeFeed(NullLogger<NetworkChangeFeed>.Instance);
        var live = new LiveRefresh(feed, work => work(), () => Task.CompletedTask);
        Assert.Equal(1, feed.SubscriberCount);

        live.Dispose();

        Assert.Equal(0, feed.SubscriberCount);
    }
}
