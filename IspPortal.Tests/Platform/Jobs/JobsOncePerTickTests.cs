using Coravel.Invocable;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform.Jobs;

/// <summary>Two portal instances on one database and one clock: each scheduled job runs once per tick (docs/decisions/0024).</summary>
public sealed class JobsOncePerTickTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly CountingJob.Runs _runs = new();
    private TwoPortalInstances _instances = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _instances = await TwoPortalInstances.StartAsync(database.ConnectionString, _clock, services => services
            .AddSingleton(_runs)
            .AddJob<CountingJob>(Every.Minute));
    }

    public async Task DisposeAsync() => await _instances.DisposeAsync();

    [Fact]
    public async Task Both_instances_schedulers_fire_every_tick_and_the_job_runs_once_per_tick()
    {
        await BothFireAsync();
        Assert.Equal(1, _runs.Count);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await BothFireAsync();
        Assert.Equal(1, _runs.Count);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await BothFireAsync();
        await BothFireAsync();
        Assert.Equal(2, _runs.Count);

        _clock.Advance(TimeSpan.FromMinutes(5));
        await BothFireAsync();
        Assert.Equal(3, _runs.Count);
    }

    [Fact]
    public void Every_job_the_portal_schedules_goes_through_the_once_per_tick_claim()
    {
        var jobs = _instances.First.GetServices<ScheduledJob>().ToList();

        Assert.True(jobs.Count >= 17, $"{jobs.Count} jobs");
        Assert.All(jobs, j => Assert.True(typeof(OncePerTick<>).MakeGenericType(j.Job) == j.Invocable, j.Job.Name));
        foreach (var every in jobs.Select(j => j.Every))
        {
            var tick = every.TickOf(_clock.GetUtcNow() + TimeSpan.FromSeconds(7));
            Assert.True(tick <= _clock.GetUtcNow() + TimeSpan.FromSeconds(7));
            Assert.Equal(tick, every.TickOf(tick + every.Period - TimeSpan.FromTicks(1)));
            Assert.Equal(tick + every.Period, every.TickOf(tick + every.Period));
        }
    }

    private async Task BothFireAsync()
    {
        await using var first = _instances.First.CreateAsyncScope();
        await using var second = _instances.Second.CreateAsyncScope();
        await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<OncePerTick<CountingJob>>().Invoke(),
            second.ServiceProvider.GetRequiredService<OncePerTick<CountingJob>>().Invoke());
    }

    public sealed class CountingJob(CountingJob.Runs runs) : IInvocable
    {
        public Task Invoke()
        {
            runs.Add();
            return Task.CompletedTask;
        }

        public sealed class Runs
        {
            private int _count;

            public int Count => Volatile.Read(ref _count);

            public void Add() => Interlocked.Increment(ref _count);
        }
    }
}
