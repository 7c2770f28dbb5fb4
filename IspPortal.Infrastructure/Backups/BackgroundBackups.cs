using IspPortal.Core.Backups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Backups;

/// <summary>Runs a started backup in a scope of its own, outside the request; cancelled when the host disposes it at shutdown.</summary>
public sealed class BackgroundBackups(IServiceScopeFactory scopes, ILogger<BackgroundBackups> logger) : IBackgroundBackups, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public void Continue(long runId) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RunBackup>().ExecuteAsync(runId, _stopping.Token);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Backup run {RunId} could not be carried out", runId);
        }
    });

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
