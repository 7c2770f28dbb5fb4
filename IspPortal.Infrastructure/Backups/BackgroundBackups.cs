using IspPortal.Core.Backups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Backups;

/// <summary>Runs a started backup in a scope of its own, outside the request; stopped with the host.</summary>
public sealed class BackgroundBackups(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<BackgroundBackups> logger) : IBackgroundBackups
{
    public void Continue(long runId) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RunBackup>().ExecuteAsync(runId, lifetime.ApplicationStopping);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Backup run {RunId} could not be carried out", runId);
        }
    });
}
