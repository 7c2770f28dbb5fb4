using System.Collections.Concurrent;
using System.Net;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Sync;
using IspPortal.Infrastructure.Live;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>Two portal instances on one database: a network change published on one reaches the screens of both (docs/decisions/0024).</summary>
public sealed class NetworkFeedAcrossInstancesTests(DatabaseFixture database) : AcrossInstancesTest(database)
{
    [Fact]
    public async Task An_isolir_published_on_one_instance_reaches_both_instances_screens_with_its_details()
    {
        var onFirst = new ConcurrentQueue<NetworkChanges>();
        var onSecond = new ConcurrentQueue<NetworkChanges>();
        using var first = First.GetRequiredService<NetworkChangeFeed>().Subscribe(onFirst.Enqueue);
        using var second = Second.GetRequiredService<NetworkChangeFeed>().Subscribe(onSecond.Enqueue);
        var at = new DateTimeOffset(2026, 12, 7, 8, 30, 0, TimeSpan.Zero);
        var isolated = new CustomerConnectionChange(17, "CKP-0017", 3, ConnectionState.Disabled, IPAddress.Parse("10.10.0.17"), at,
            CustomerStatus.Isolated, -6.1, 106.8);

        // An isolir leaves the router's own state as it was: screens need not re-read the routers.
        Second.GetRequiredService<NetworkChangeFeed>().Publish(new NetworkChanges(3, "CKP", RouterHealth.Up, [isolated], RouterChanged: false));
        Second.GetRequiredService<NetworkChangeFeed>().Publish(new NetworkChanges(3, "CKP", RouterHealth.Down, []));

        await Eventually.TrueAsync(() => onFirst.Count == 2 && onSecond.Count == 2);
        foreach (var received in new[] { onFirst.First(), onSecond.First() })
        {
            Assert.Equal((3, "CKP", RouterHealth.Up, false, false), (received.RouterId, received.RouterCode, received.Health, received.IsResync, received.RouterChanged));
            Assert.Equal(isolated, Assert.Single(received.Customers));
        }
        foreach (var received in new[] { onFirst.Last(), onSecond.Last() })
            Assert.Equal((RouterHealth.Down, true), (received.Health, received.RouterChanged));
    }

    [Fact]
    public async Task A_sync_diff_too_large_for_a_notification_travels_by_reference_and_arrives_exactly_as_published()
    {
        var routerId = await RouterWithThreeHundredCustomersAsync();
        var onFirst = new ConcurrentQueue<NetworkChanges>();
        using var subscription = First.GetRequiredService<NetworkChangeFeed>().Subscribe(onFirst.Enqueue);
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        await using var db = Database.CreateDbContext();
        // Two hundred of the router's three hundred customers changed: the others must not arrive.
        var diff = await db.Customers.Where(c => c.RouterId == routerId).OrderBy(c => c.Id).Take(200)
            .Select(c => new CustomerConnectionChange(c.Id, c.Code, routerId, ConnectionState.Offline, null, at, c.Status, c.Latitude, c.Longitude))
            .ToListAsync();
        var changes = new NetworkChanges(routerId, "BIG", RouterHealth.Up, diff);
        Assert.False(PostgresLiveBus.FitsNotification(new NetworkChangesCodec().Encode(changes).GetRawText()), "too large for a notification");

        Second.GetRequiredService<NetworkChangeFeed>().Publish(changes);

        await Eventually.TrueAsync(() => !onFirst.IsEmpty);
        var received = onFirst.Single();
        Assert.Equal((routerId, "BIG", RouterHealth.Up), (received.RouterId, received.RouterCode, received.Health));
        Assert.Equal(diff, received.Customers);
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM live_feed_payloads").SingleAsync());
    }

    [Fact]
    public async Task A_feed_without_a_listening_bus_delivers_in_process_at_once()
    {
        await using var alone = CoreServices.Build(Database.ConnectionString);
        var received = new List<NetworkChanges>();
        var feed = alone.GetRequiredService<NetworkChangeFeed>();
        using var subscription = feed.Subscribe(received.Add);

        feed.Publish(new NetworkChanges(1, "X", RouterHealth.Down, []));

        Assert.Equal(RouterHealth.Down, Assert.Single(received).Health);
    }

    private async Task<int> RouterWithThreeHundredCustomersAsync()
    {
        await using var db = Database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO location_codes (code, name, is_active, created_at) VALUES ('BIG', 'Besar', true, now());
            INSERT INTO service_packages (code, name, download_mbps, upload_mbps, mikrotik_profile, monthly_price, is_taxable, is_active, created_at)
            VALUES ('BIG-20', 'Besar 20', 20, 20, '20M', 200000, false, true, now());
            INSERT INTO routers (code, name, location_code_id, host, api_port, use_tls, api_user, password_encrypted, isolation_method,
                                 isolation_address_list, is_active, health, consecutive_failures, uplink_capacity_mbps, created_at, updated_at)
            VALUES ('BIG', 'Router besar', (SELECT id FROM location_codes WHERE code = 'BIG'), '127.0.2.1', 8728, false, 'api', 'x', 'DisableSecret',
                    'isolir', true, 'Up', 0, 1000, now(), now());
            INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id, router_id,
                                   notifications_opt_out, isolation_exempt, credit_balance, registered_at, created_at, updated_at, latitude, longitude)
            SELECT 'BIG-' || lpad(g::text, 6, '0'), 'Pelanggan ' || g, '+62815' || lpad(g::text, 8, '0'), 'Active', now(),
                   CASE WHEN g % 7 = 0 THEN 'Offline' ELSE 'Online' END, (SELECT id FROM service_packages WHERE code = 'BIG-20'),
                   (SELECT id FROM location_codes WHERE code = 'BIG'), (SELECT id FROM routers WHERE code = 'BIG'), false, false, 0, now(), now(), now(),
                   -6.2 + g / 10000.0, 106.8
            FROM generate_series(1, 300) g;
            """);
        return await db.Routers.Where(r => r.Code == "BIG").Select(r => r.Id).SingleAsync();
    }
}
