using System.Diagnostics;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Routers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IspPortal.Tests.Customers;

/// <summary>
/// The customer list at 100,000 customers: first page, searches (name part, phone as typed, code
/// part, PPPoE username, NIK) and filters, each the median of several runs.
/// Run with: dotnet test --filter "FullyQualifiedName~CustomerListBenchmark" (prints the figures).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
public sealed class CustomerListBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int Customers = 100_000;
    private const int Routers = 20;
    private const int Runs = 7;

    [Fact]
    public async Task Customer_list_at_100k_customers()
    {
        var (routerId, nik) = await SeedAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<CustomerList>();
        var cases = new (string Name, PageRequest Request, CustomerFilter Filter, int AtLeast)[]
        {
            ("first page, newest first", new PageRequest(), new CustomerFilter(), 25),
            ("page 2,000 of 4,000", new PageRequest(Page: 1999), new CustomerFilter(), 25),
            ("sorted by name", new PageRequest(SortBy: nameof(CustomerRow.FullName)), new CustomerFilter(), 25),
            ("search name part 'wati sapu'", new PageRequest(Search: "wati sapu"), new CustomerFilter(), 1),
            ("search phone as typed '0812 0004 56'", new PageRequest(Search: "0812 0004 56"), new CustomerFilter(), 1),
            ("search code part 'RH-0042'", new PageRequest(Search: "RH-0042"), new CustomerFilter(), 1),
            ("search PPPoE username 'brh142'", new PageRequest(Search: "brh142"), new CustomerFilter(), 1),
            ("search NIK", new PageRequest(Search: nik), new CustomerFilter(), 1),
            ("filter suspended on one router", new PageRequest(), new CustomerFilter(Status: CustomerStatus.Suspended, RouterId: routerId), 1),
            ("filter offline + search 'sri'", new PageRequest(Search: "sri"), new CustomerFilter(Connection: ConnectionState.Offline), 1),
        };

        output.WriteLine($"customers: {Customers:N0} on {Routers} routers; median of {Runs} runs");
        var slowest = TimeSpan.Zero;
        foreach (var (name, request, filter, atLeast) in cases)
        {
            var timings = new List<TimeSpan>();
            PagedResult<CustomerRow>? page = null;
            for (var run = 0; run < Runs; run++)
            {
                var watch = Stopwatch.StartNew();
                page = await list.PageAsync(request, filter);
                timings.Add(watch.Elapsed);
            }
            var median = timings.Order().ElementAt(Runs / 2);
            slowest = median > slowest ? median : slowest;
            output.WriteLine($"{name,-40} {median.TotalMilliseconds,7:F1} ms   {page!.Total,7:N0} matches");
            Assert.True(page.Items.Count >= atLeast, $"{name}: {page.Items.Count} rows");
        }
        output.WriteLine($"slowest median: {slowest.TotalMilliseconds:F1} ms");
    }

    private async Task<(int RouterId, string Nik)> SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var location = await services.GetRequiredService<SaveLocationCode>().ExecuteAsync(new LocationCodeInput(null, "BNC", "Benchmark", null, null));
        var package = await services.GetRequiredService<SaveServicePackage>().ExecuteAsync(new ServicePackageInput(null, "BENCH-20", "Bench", 20, 20, "20M", 200_000m, false, null));
        for (var i = 0; i < Routers; i++)
        {
            var saved = await services.GetRequiredService<SaveRouter>().ExecuteAsync(new RouterInput(null, $"BR{(char)('A' + i)}", $"Bench {i}", location.Value!.Id, null,
                "127.0.0.1", 8728, false, null, "admin", "secret", IsolationMethod.Profile, "isolir", null, null));
            Assert.True(saved.Succeeded, saved.FirstError);
        }
        var nik = "3201014501900001";
        var nikHash = await services.GetRequiredService<IKeyedHasher>().HashAsync(nik);
        await using var db = portal.Database.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        string[] given = ["Ahmad", "Budi", "Citra", "Dedi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Sri", "Wati"];
        string[] family = ["Saputra", "Wijaya", "Hidayat", "Lestari", "Kurniawan", "Susanto", "Rahayu", "Setiawan"];
        // Only constants and ids generated above go into this SQL.
        var seed = $"""
            WITH gen AS (
                SELECT g, r.id AS router_id, r.code AS router_code
                FROM generate_series(0, {Customers - 1}) g JOIN routers r ON r.code = 'BR' || chr(65 + g % {Routers})),
            added AS (
                INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id,
                                       notifications_opt_out, isolation_exempt, credit_balance, registered_at, created_at, updated_at, router_id)
                SELECT 'BNC-' || router_code || '-' || lpad((g / {Routers})::text, 4, '0'),
                       (ARRAY['{string.Join("','", given)}'])[1 + g % {given.Length}] || ' ' || (ARRAY['{string.Join("','", family)}'])[1 + (g / 7) % {family.Length}],
                       '+62812' || lpad(g::text, 8, '0'),
                       (ARRAY['Active','Active','Active','Active','Isolated','Suspended'])[1 + g % 6], now(),
                       (ARRAY['Online','Online','Offline','Disabled'])[1 + g % 4], {package.Value!.Id}, {location.Value!.Id}, false, false, 0,
                       now() - (g || ' minutes')::interval, now(), now(), router_id
                FROM gen
                RETURNING id, router_id, code)
            INSERT INTO pppoe_secrets (router_id, customer_id, username, password_encrypted, profile, is_disabled, status, is_replica, provisioning_attempts, created_at, updated_at)
            SELECT router_id, id, split_part(code, '-', 2) || (100 + (split_part(code, '-', 3)::int % 900)), 'x', '20M', false, 'Provisioned', false, 1, now(), now()
            FROM added
            ON CONFLICT DO NOTHING
            """;
        await db.Database.ExecuteSqlRawAsync(seed);
        await db.Database.ExecuteSqlAsync($"UPDATE customers SET nik_hash = {nikHash}, nik_encrypted = 'x' WHERE code = 'BNC-BRH-0042'");
        await db.Database.ExecuteSqlRawAsync("ANALYZE customers; ANALYZE pppoe_secrets;");
        return (await db.Routers.Where(r => r.Code == "BRH").Select(r => r.Id).SingleAsync(), nik);
    }
}
