using System.Net;
using System.Text.Json;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Monitoring;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Network.Sync;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>
/// Network alerts reach people: the staff of the chosen roles are told by WhatsApp and e-mail once
/// when an alert opens and once when it resolves, with its duration; a flapping router sends one
/// summary an hour. A real RouterOS simulator over TCP, real PostgreSQL, a manual clock.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class AlertNoticeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private RouterOsSimulator _simulator = default!;
    private int _routerId;
    private PortalUser _noc = default!, _admin = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        await CoreServices.EnsureRolesAsync(_services);
        _noc = await UserAsync("noc1", Roles.Noc, "noc1@netkita.test", "+6281100000001");
        _admin = await UserAsync("admin1", Roles.Admin, "admin1@netkita.test", null);
        await UserAsync("staf1", Roles.Staff, "staf1@netkita.test", "+6281100000003");
        _simulator = new RouterOsSimulator(new RouterOsSimulatorOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0), Password = "Alert#2025", Identity = "ALR", SecretPrefix = "ALR", Secrets = 2, Active = 2,
        }, _clock);
        await _simulator.StartAsync();
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = _clock.GetUtcNow() };
        db.LocationCodes.Add(location);
        await db.SaveChangesAsync();
        var saved = await UseAsync<SaveRouter, IspPortal.Core.Common.Outcome<Router>>(s => s.ExecuteAsync(new RouterInput(null, "ALR", "Alert", location.Id, null, "127.0.0.1",
            _simulator.Port, false, null, "admin", "Alert#2025", IsolationMethod.Profile, "isolir", null, null)));
        Assert.True(saved.Succeeded, saved.FirstError);
        _routerId = saved.Value!.Id;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task An_outage_is_told_once_when_it_opens_and_once_with_its_duration_when_it_ends_to_the_chosen_roles_only()
    {
        await SyncAsync();
        await UnreachableAsync(true);
        await SyncAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        await SyncAsync();
        var whileDown = await NoticesAsync();
        _clock.Advance(TimeSpan.FromMinutes(80));
        await UnreachableAsync(false);
        await SyncAsync();
        await SyncAsync();
        var after = await NoticesAsync();

        // NOC by WhatsApp and e-mail, Admin by e-mail (no phone); Staff is not among the default roles.
        Assert.Equal(
            [(NotificationEvents.NetworkAlertOpened.Key, "+6281100000001"), (NotificationEvents.NetworkAlertOpened.Key, "admin1@netkita.test"),
             (NotificationEvents.NetworkAlertOpened.Key, "noc1@netkita.test")],
            whileDown.Select(m => (m.Template, m.Recipient)).OrderBy(m => m.Recipient, StringComparer.Ordinal));
        var resolved = after.Where(m => m.Template == NotificationEvents.NetworkAlertResolved.Key).ToList();
        Assert.Equal(3, resolved.Count);
        Assert.All(resolved, m => Assert.Equal("1 jam 25 menit", Parameters(m)["durasi"]));
        Assert.Equal("Router tidak terjangkau", Parameters(resolved[0])["jenis"]);
        Assert.Equal(6, after.Count);

        var alerts = await UseAsync<NetworkMonitor, IReadOnlyList<AlertRow>>(m => m.AlertsAsync());
        var told = Assert.Single(alerts).Notices;
        Assert.Equal(6, told.Count);
        Assert.Contains(told, n => n.Person == _noc.FullName && !n.Resolved && n.Channel == NotificationChannel.WhatsApp);
        Assert.Contains(told, n => n.Person == _admin.FullName && n.Resolved && n.Channel == NotificationChannel.Email);
    }

    [Fact]
    public async Task A_flapping_router_sends_one_summary_an_hour_instead_of_a_message_per_change()
    {
        await UseAsync<PortalSettings, IspPortal.Core.Common.Outcome<AlertSettings>>(s => s.SaveAsync(new AlertSettings { FlappingAlertsPerHour = 2 }, Actor.System));
        await SyncAsync();
        for (var cycle = 0; cycle < 5; cycle++)
        {
            await UnreachableAsync(true);
            await SyncAsync();
            _clock.Advance(TimeSpan.FromMinutes(3));
            await UnreachableAsync(false);
            await SyncAsync();
            _clock.Advance(TimeSpan.FromMinutes(3));
        }

        var notices = await NoticesAsync();
        var byTemplate = notices.GroupBy(m => m.Template).ToDictionary(g => g.Key, g => g.Count());
        // Two alerts told as usual (3 messages each way), then one summary for the hour (3 messages).
        Assert.Equal(6, byTemplate[NotificationEvents.NetworkAlertOpened.Key]);
        Assert.Equal(6, byTemplate[NotificationEvents.NetworkAlertResolved.Key]);
        Assert.Equal(3, byTemplate[NotificationEvents.NetworkAlertFlapping.Key]);
        await using var db = database.CreateDbContext();
        Assert.Equal(5, await db.NetworkAlerts.CountAsync(a => a.RouterId == _routerId));
    }

    [Fact]
    public async Task Roles_chosen_in_the_settings_are_told_and_unknown_roles_are_refused()
    {
        var refused = new AlertSettings { RouterUnreachableRoles = ["Pemilik"] }.Validate();
        await UseAsync<PortalSettings, IspPortal.Core.Common.Outcome<AlertSettings>>(s => s.SaveAsync(new AlertSettings { RouterUnreachableRoles = [Roles.Staff] }, Actor.System));
        await SyncAsync();
        await UnreachableAsync(true);
        await SyncAsync();

        Assert.Contains(nameof(AlertSettings.RouterUnreachableRoles), refused.ToDictionary().Keys);
        Assert.Equal(["+6281100000003", "staf1@netkita.test"], (await NoticesAsync()).Select(m => m.Recipient).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failed_backup_opens_one_portal_alert_told_to_Admin_and_the_next_good_backup_resolves_it()
    {
        await UseAsync<PortalAlerts, bool>(async a => { await a.BackupFailedAsync("pg_dump: disk penuh"); return true; });
        _clock.Advance(TimeSpan.FromDays(1));
        await UseAsync<PortalAlerts, bool>(async a => { await a.BackupFailedAsync("pg_dump: disk penuh"); return true; });
        var whileFailing = await UseAsync<NetworkMonitor, IReadOnlyList<AlertRow>>(m => m.AlertsAsync());
        _clock.Advance(TimeSpan.FromHours(2));
        await UseAsync<PortalAlerts, bool>(async a => { await a.BackupSucceededAsync(); return true; });
        await UseAsync<PortalAlerts, bool>(async a => { await a.BackupSucceededAsync(); return true; });

        var alert = Assert.Single(whileFailing);
        Assert.Equal((NetworkAlertKind.BackupFailed, PortalAlerts.Source, 2), (alert.Kind, alert.RouterCode, alert.Occurrences));
        Assert.Contains("disk penuh", alert.Message, StringComparison.Ordinal);
        var notices = await NoticesAsync();
        Assert.Equal(
            [(NotificationEvents.BackupFailed.Key, "admin1@netkita.test"), (NotificationEvents.NetworkAlertResolved.Key, "admin1@netkita.test")],
            notices.Select(m => (m.Template, m.Recipient)));
        Assert.Equal("1 hari 2 jam", Parameters(notices[1])["durasi"]);
        await using var db = database.CreateDbContext();
        Assert.NotNull((await db.NetworkAlerts.SingleAsync()).ResolvedAt);
    }

    private async Task<PortalUser> UserAsync(string userName, string role, string email, string? phone)
    {
        var user = await TicketTestData.AddUserAsync(_services, userName, role);
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        await users.SetEmailAsync(stored, email);
        if (phone is not null)
            await users.SetPhoneNumberAsync(stored, phone);
        return stored;
    }

    private async Task UnreachableAsync(bool unreachable)
    {
        var port = unreachable ? FreePorts.Consecutive(1) : _simulator.Port;
        await using var db = database.CreateDbContext();
        await db.Routers.Where(r => r.Id == _routerId).ExecuteUpdateAsync(set => set.SetProperty(r => r.ApiPort, port));
    }

    private Task<RouterSyncResult> SyncAsync() => UseAsync<SyncRouter, RouterSyncResult>(s => s.ExecuteAsync(_routerId));

    private async Task<List<OutboxMessage>> NoticesAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("network-alert")).OrderBy(m => m.Id).ToListAsync();
    }

    private static Dictionary<string, string> Parameters(OutboxMessage message) => JsonSerializer.Deserialize<Dictionary<string, string>>(message.Parameters)!;

    private async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
