using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Web.Host;

/// <summary>
/// Verbs the web host answers instead of serving: <c>migrate</c> applies migrations and exits,
/// <c>seed-demo</c> migrates and seeds the demo ISP into the configured database.
/// <c>routeros-sim</c> runs a simulated router and needs no host or database (<see cref="SimulatorCommand"/>).
/// </summary>
public static class PortalCommands
{
    public const string Migrate = "migrate";
    public const string SeedDemo = "seed-demo";
    public const string RouterOsSim = "routeros-sim";

    private static readonly string[] Known = [Migrate, SeedDemo];

    public static (string? Command, string[] HostArgs) Parse(string[] args) =>
        args.Length > 0 && Known.Contains(args[0]) ? (args[0], args[1..]) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        switch (command)
        {
            case Migrate:
                var db = scope.ServiceProvider.GetRequiredService<IspDbContext>();
                await MigrationHistoryCheck.MigrateAsync(scope.ServiceProvider, app.Logger);
                app.Logger.LogInformation("Database is at migration {Migration}", (await db.Database.GetAppliedMigrationsAsync()).LastOrDefault());
                break;
            case SeedDemo:
                await app.PrepareDatabaseAsync(forceDemoSeed: true);
                break;
        }
        await app.StopAsync();
        return 0;
    }
}
