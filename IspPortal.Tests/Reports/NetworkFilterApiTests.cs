using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The location and router filters of <c>/api/reports/uptime</c> and <c>/bandwidth</c> over <see cref="NetworkReportData"/>: a location counts
/// the routers standing there and the customers living there (C5 lives in Purwakarta on BBB, which stands in Karawang).
/// </summary>
public sealed class NetworkFilterApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Days = "from=2025-03-01&to=2025-03-10";
    private (int Aaa, int Bbb, int Karawang, int Purwakarta, int C5) _ids;

    public async Task InitializeAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        if (!await db.Routers.AnyAsync(r => r.Code == "AAA"))
            await NetworkReportData.SeedAsync(portal.Database);
        var routers = await db.Routers.ToDictionaryAsync(r => r.Code, r => r.Id);
        var locations = await db.LocationCodes.ToDictionaryAsync(l => l.Code, l => l.Id);
        _ids = (routers["AAA"], routers["BBB"], locations["KRW"], locations["PWK"], await db.Customers.Where(c => c.Code == "KRW-C5").Select(c => c.Id).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> GetAsync(string path)
    {
        using var client = await portal.CreateApiClientAsync([Permissions.ReportsRead]);
        return await client.GetFromJsonAsync<JsonElement>($"api/reports/{path}");
    }

    private static List<string?> Codes(JsonElement body) => [.. body.GetProperty("routers").EnumerateArray().Select(r => r.GetProperty("code").GetString())];

    [Fact]
    public async Task Uptime_by_location_counts_the_routers_standing_there_and_the_customers_living_there()
    {
        var purwakarta = await GetAsync($"uptime?{Days}&location={_ids.Purwakarta}");
        var karawang = await GetAsync($"uptime?{Days}&location={_ids.Karawang}");

        Assert.Empty(Codes(purwakarta));
        Assert.Equal([_ids.C5], purwakarta.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetInt32()));
        Assert.Equal(50m, purwakarta.GetProperty("uptimePercent").GetDecimal());
        Assert.Equal(["AAA", "BBB"], Codes(karawang));
        // C1, C2, C3: 1 − (170 + 260 + 5,300) / (14,400 + 13,400 + 14,400).
        Assert.Equal(86.422m, karawang.GetProperty("uptimePercent").GetDecimal());
        Assert.Equal(3, karawang.GetProperty("customerCount").GetInt32());
    }

    [Fact]
    public async Task Uptime_by_router_counts_its_customers_and_its_outages_only()
    {
        var bbb = await GetAsync($"uptime?{Days}&router={_ids.Bbb}");

        Assert.Equal(["BBB"], Codes(bbb));
        Assert.Equal(2, bbb.GetProperty("customerCount").GetInt32()); // C3 and C5 (C4 is suspended)
        Assert.All(bbb.GetProperty("outages").EnumerateArray(), o => Assert.Equal("BBB", o.GetProperty("routerCode").GetString()));
    }

    [Fact]
    public async Task Bandwidth_by_location_and_by_router_lists_only_those_routers()
    {
        Assert.Empty(Codes(await GetAsync($"bandwidth?{Days}&location={_ids.Purwakarta}")));
        Assert.Equal(["AAA", "BBB"], Codes(await GetAsync($"bandwidth?{Days}&location={_ids.Karawang}")).Order());
        // 2 March: BBB's five-minute buckets around its mass outage.
        var bbb = await GetAsync($"bandwidth?from=2025-03-02&to=2025-03-02&router={_ids.Bbb}");
        Assert.Equal(["BBB"], Codes(bbb));
        Assert.All(bbb.GetProperty("series").EnumerateArray(), p => Assert.Equal(_ids.Bbb, p.GetProperty("routerId").GetInt32()));
        Assert.NotEqual(0, bbb.GetProperty("series").GetArrayLength());
    }
}
