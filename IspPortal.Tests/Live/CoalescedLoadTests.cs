using System.Diagnostics;
using IspPortal.Core.Common;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Live;

/// <summary>
/// The read every open dashboard (or map) of an instance shares after a change: many callers, few
/// loads, and never a result read before the change a caller was woken by.
/// </summary>
public sealed class CoalescedLoadTests
{
    /// <summary>A load that finishes when the test says so, counting how often it started.</summary>
    private sealed class GatedLoad(IServiceScopeFactory scopes) : CoalescedLoad<int>(scopes)
    {
        private readonly Lock _gate = new();
        private readonly List<TaskCompletionSource<int>> _loads = [];

        public int Started
        {
            get
            {
                lock (_gate)
                    return _loads.Count;
            }
        }

        public void Finish(int load, int value)
        {
            lock (_gate)
                _loads[load].SetResult(value);
        }

        protected override Task<int> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var load = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
                _loads.Add(load);
            return load.Task;
        }
    }

    private static GatedLoad NewLoad() => new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());

    [Fact]
    public async Task Callers_woken_before_a_load_started_share_it_and_later_ones_share_the_next()
    {
        var load = NewLoad();
        var wokenBefore = Stopwatch.GetTimestamp();
        var first = load.LoadAsync(wokenBefore);
        await Eventually.TrueAsync(() => load.Started == 1);
        var sameChange = Enumerable.Range(0, 50).Select(_ => load.LoadAsync(wokenBefore)).ToList();
        // Woken after the running load began: what it reads may be older than their change.
        var later = Enumerable.Range(0, 50).Select(_ => load.LoadAsync()).ToList();

        load.Finish(0, 1);
        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(sameChange), value => Assert.Equal(1, value));
        Assert.False(later.Any(t => t.IsCompleted), "a load that started before they asked must not answer them");

        await Eventually.TrueAsync(() => load.Started == 2);
        load.Finish(1, 2);
        Assert.All(await Task.WhenAll(later), value => Assert.Equal(2, value));
        Assert.Equal(2, load.Started);
    }

    [Fact]
    public async Task A_failed_load_fails_its_callers_and_the_next_caller_loads_again()
    {
        var load = new FailingOnceLoad(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => load.LoadAsync());
        Assert.Equal("database down", failed.Message);
        Assert.Equal(7, await load.LoadAsync());
    }

    private sealed class FailingOnceLoad(IServiceScopeFactory scopes) : CoalescedLoad<int>(scopes)
    {
        private int _calls;

        protected override Task<int> ReadAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1 ? Task.FromException<int>(new InvalidOperationException("database down")) : Task.FromResult(7);
    }
}
