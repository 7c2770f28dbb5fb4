using IspPortal.Infrastructure;
using IspPortal.Infrastructure.LocalPostgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Tests.Support;

// The real portal (IspPortal.Web's Program) on a real loopback Kestrel port, against a database
// of its own. Use as IClassFixture<PortalFactory> for API and browser tests; demo data stays off
// (DemoPortalFactory turns it on). Override ConfigureWebHost (calling base) for more settings.
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _demoEnabled;
    private readonly PortalFactory? _first;
    private Uri? _baseAddress;

    public PortalFactory()
        : this(demoEnabled: false)
    {
    }

    protected PortalFactory(bool demoEnabled)
    {
        _demoEnabled = demoEnabled;
        UseKestrel(0);
    }

    /// <summary>Another instance of <paramref name="first"/>'s portal (see <see cref="ReplicaPortalFactory"/>).</summary>
    protected PortalFactory(PortalFactory first)
        : this(demoEnabled: false)
    {
        _first = first;
        Database = first.Database;
        PhotoFolder = first.PhotoFolder;
        FirstRouterPort = first.FirstRouterPort;
    }

    public DatabaseFixture Database { get; } = new();

    /// <summary>What this instance logged as errors (for the message of an assertion on a 500).</summary>
    public ServerErrorLog ServerErrors { get; } = new();

    /// <summary>This portal's own photo folder, removed with it (a replica shares its first instance's).</summary>
    public string PhotoFolder { get; } = Path.Combine(Path.GetTempPath(), "ispportal-test-photos", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The first of the three ports the demo's routers are seeded on: free ones of this test run, not
    /// the demo's usual 18728, where a demo running on the same machine would answer.
    /// </summary>
    public int FirstRouterPort { get; } = FreePorts.Consecutive(3);

    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The portal has not been started (InitializeAsync).");

    public async Task InitializeAsync()
    {
        if (_first is null)
            await Database.InitializeAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        ClientOptions.BaseAddress = _baseAddress;
        if (_first is null && !KeepsMandatoryTwoFactor)
            await WithoutMandatoryTwoFactorAsync();
    }

    /// <summary>
    /// The product makes Admin and Finance enrol an authenticator app before anything else. Tests that
    /// sign in as those roles for other reasons skip that explicitly (the setting saved empty);
    /// two-factor tests keep it.
    /// </summary>
    protected virtual bool KeepsMandatoryTwoFactor => false;

    private async Task WithoutMandatoryTwoFactorAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Settings.PortalSettings>();
        var saved = await settings.SaveAsync(new IspPortal.Core.Identity.TwoFactor.TwoFactorSettings { MandatoryRoles = [] }, IspPortal.Core.Identity.Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_first is not null)
            return;
        await Database.DisposeAsync();
        if (Directory.Exists(PhotoFolder))
            Directory.Delete(PhotoFolder, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting($"ConnectionStrings:{DependencyInjection.ConnectionStringName}", Database.ConnectionString);
        builder.UseSetting(LocalPostgresHosting.DemoEnabledKey, _demoEnabled ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
        // Test classes run in parallel; the demo's simulated routers would all want the same ports.
        builder.UseSetting("Demo:RouterSimulators", "false");
        // Tests that need WhatsApp start their own stand-in and settings.
        builder.UseSetting("Demo:WhatsAppStandIn", "false");
        builder.UseSetting("Demo:PaymentGatewayStandIn", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("ISPPORTAL_SIM_PORT", FirstRouterPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting(IspPortal.Infrastructure.Customers.FileCustomerPhotoStore.FolderKey, PhotoFolder);
        builder.UseSetting(IspPortal.Infrastructure.Tickets.FileTicketAttachmentStore.FolderKey, Path.Combine(PhotoFolder, "tickets"));
        builder.UseSetting(IspPortal.Infrastructure.Finance.FileExpenseReceiptStore.FolderKey, Path.Combine(PhotoFolder, "receipts"));
        builder.UseSetting(IspPortal.Infrastructure.Backups.BackupFolders.FolderKey, Path.Combine(PhotoFolder, "backups"));
    }
}

public sealed class DemoPortalFactory() : PortalFactory(demoEnabled: true);

/// <summary>
/// A second instance of <paramref name="first"/>'s portal, as a second replica behind the load
/// balancer: its own Kestrel port, circuits, caches and live-bus listener; the same database (and so
/// the same Data Protection keys), files and routers. It seeds nothing and runs no simulators: the
/// first instance's demo is the one both serve. Start it after the first; dispose it before.
/// </summary>
public sealed class ReplicaPortalFactory(PortalFactory first) : PortalFactory(first);

/// <summary>The demo with its simulated routers running, on the ports of its own it was seeded with.</summary>
public sealed class LiveDemoPortalFactory() : PortalFactory(demoEnabled: true)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:RouterSimulators", "true");
    }
}

/// <summary>The demo with its WhatsApp stand-in, which the notification settings point at.</summary>
public sealed class WhatsAppDemoPortalFactory() : PortalFactory(demoEnabled: true)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:WhatsAppStandIn", "true");
    }
}

/// <summary>The demo with its Midtrans stand-in, which the payment gateway settings point at.</summary>
public sealed class PaymentGatewayDemoPortalFactory() : PortalFactory(demoEnabled: true)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:PaymentGatewayStandIn", "true");
    }
}

/// <summary>
/// The demo as a customer meets it: simulated routers, the WhatsApp stand-in that receives sign-in
/// codes and the Midtrans stand-in that takes payments.
/// </summary>
public sealed class CustomerPortalDemoFactory() : PortalFactory(demoEnabled: true)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:RouterSimulators", "true");
        builder.UseSetting("Demo:WhatsAppStandIn", "true");
        builder.UseSetting("Demo:PaymentGatewayStandIn", "true");
    }
}
