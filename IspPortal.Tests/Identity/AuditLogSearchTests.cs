using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Audit;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Identity;

// The ISP's zone is the default, Asia/Jakarta (UTC+7): 10 March local runs from 9 March 17:00 UTC
// up to 10 March 17:00 UTC.
public class AuditLogSearchTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateOnly Day = new(2025, 3, 10);

    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
        await using var db = database.CreateDbContext();
        db.AuditLogs.AddRange(
            Log("2025-03-09T16:59:59Z", "service_packages", "1"),
            Log("2025-03-09T17:00:00Z", "service_packages", "2"),
            Log("2025-03-10T08:00:00Z", "location_codes", "3"),
            Log("2025-03-10T16:59:59Z", "service_packages", "4"),
            Log("2025-03-10T17:00:00Z", "service_packages", "5"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static AuditLog Log(string utc, string entity, string key) => new()
    {
        OccurredAt = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture),
        UserName = "admin",
        Entity = entity,
        EntityKey = key,
        Action = AuditAction.Update,
        Changes = """{"before":{"name":"Lama"},"after":{"name":"Baru"}}""",
    };

    private async Task<PagedResult<AuditLogRow>> SearchAsync(AuditFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLogSearch>().PageAsync(filter, new PageRequest());
    }

    [Fact]
    public async Task A_local_day_finds_only_changes_inside_that_day_newest_first()
    {
        var page = await SearchAsync(new AuditFilter(Day, Day));

        Assert.Equal(3, page.Total);
        Assert.Equal(["4", "3", "2"], page.Items.Select(r => r.EntityKey));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 23, 59, 59, TimeSpan.FromHours(7)), page.Items[0].OccurredAt);
        Assert.Equal(TimeSpan.FromHours(7), page.Items[0].OccurredAt.Offset);
    }

    [Fact]
    public async Task The_entity_filter_keeps_only_that_table()
    {
        var page = await SearchAsync(new AuditFilter(Day, Day, Entity: "location_codes"));

        var row = Assert.Single(page.Items);
        Assert.Equal("3", row.EntityKey);
        Assert.Equal([new AuditChange("name", "Lama", "Baru")], row.Changes);
    }

    [Fact]
    public async Task The_entity_list_covers_only_the_chosen_dates()
    {
        await using var scope = _services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<AuditLogSearch>();

        Assert.Equal(["location_codes", "service_packages"], await search.EntitiesAsync(new AuditFilter(Day, Day)));
        Assert.Equal(["service_packages"], await search.EntitiesAsync(new AuditFilter(Day.AddDays(1), Day.AddDays(1))));
    }
}
