using IspPortal.Core.Identity.Audit;

namespace IspPortal.Tests.Identity;

public class AuditChangesTests
{
    [Fact]
    public void Before_and_after_become_one_line_per_column()
    {
        var changes = AuditChanges.Parse("""{"before":{"name":"Lama","price":150000,"city":null},"after":{"name":"Baru","price":150000,"city":"Karawang"}}""");

        Assert.Equal(
            [new AuditChange("name", "Lama", "Baru"), new AuditChange("price", "150000", "150000"), new AuditChange("city", null, "Karawang")],
            changes);
        Assert.False(changes[1].Changed);
    }

    [Fact]
    public void An_insert_has_only_after_values()
    {
        var change = Assert.Single(AuditChanges.Parse("""{"after":{"code":"KCB"}}"""));

        Assert.Equal(new AuditChange("code", null, "KCB"), change);
    }

    [Fact]
    public void Unreadable_json_is_shown_as_it_is()
    {
        Assert.Equal([new AuditChange("", null, "not json")], AuditChanges.Parse("not json"));
    }

    [Fact]
    public void Local_dates_become_utc_bounds_in_the_isp_zone()
    {
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

        var (from, until) = AuditLogSearch.UtcBounds(new AuditFilter(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 9)), jakarta);

        Assert.Equal(new DateTimeOffset(2025, 3, 8, 17, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 17, 0, 0, TimeSpan.Zero), until);
    }
}
