using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Infrastructure.Demo;
using IspPortal.Infrastructure.Identity;
using IspPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Web.Host;

public static class PortalStartup
{
    /// <summary>Migrates (unless turned off), makes sure the roles exist, seeds the demo when it is on, and posts what the ledger lacks.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool forceDemoSeed = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var configuration = services.GetRequiredService<IConfiguration>();

        if (configuration.GetValue("Database:MigrateOnStartup", true))
            await MigrationHistoryCheck.MigrateAsync(services, app.Logger);

        await RoleSetup.EnsureRolesAsync(services.GetRequiredService<RoleManager<PortalRole>>());
        await AdminBootstrap.EnsureFirstAdminAsync(
            services.GetRequiredService<UserManager<PortalUser>>(), configuration,
            services.GetRequiredService<TimeProvider>(), app.Logger);

        if (forceDemoSeed || configuration.GetValue("Demo:Enabled", false))
            await services.GetRequiredService<DemoSeeder>().SeedAsync();

        // Documents from before the ledger, and the demo's history, post once; later starts find nothing to do.
        await services.GetRequiredService<LedgerBackfill>().ExecuteAsync();

        if (!await services.GetRequiredService<UserManager<PortalUser>>().Users.AnyAsync())
            app.Logger.LogError("The database has no users, so nobody can sign in. Set Bootstrap__AdminPassword (and optionally Bootstrap__AdminUser) and restart to create the first Admin.");
    }
}
