using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IspPortal.Web.Host;

/// <summary>
/// When the instance is asked to stop, <c>/health</c> answers 503 at once and the instance keeps
/// serving for <see cref="DrainSecondsKey"/> seconds before it stops: a load balancer that probes it
/// takes it out of rotation while open requests finish (docs/decisions/0024).
/// </summary>
public sealed class Draining(IConfiguration configuration, ILogger<Draining> logger) : IHealthCheck, IHostedLifecycleService
{
    public const string DrainSecondsKey = "Shutdown:DrainSeconds";

    private volatile bool _draining;

    public bool IsDraining => _draining;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("draining: this instance is stopping") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var pause = TimeSpan.FromSeconds(configuration.GetValue(DrainSecondsKey, 0));
        if (pause <= TimeSpan.Zero)
            return;
        logger.LogInformation("Draining for {Pause} before stopping", pause);
        await Task.Delay(pause, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
