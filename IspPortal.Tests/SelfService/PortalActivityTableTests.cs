using Bunit;
using IspPortal.Core.SelfService;
using IspPortal.Core.SelfService.Staff;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Customers.Components;

namespace IspPortal.Tests.SelfService;

/// <summary>The customer page's "Portal pelanggan" tab: each activity in the ISP's zone with its Indonesian label and who acted.</summary>
public class PortalActivityTableTests : PortalComponentTest
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly DateTimeOffset At = new(2026, 11, 24, 1, 2, 0, TimeSpan.Zero);

    [Fact]
    public void Each_activity_is_a_row_with_local_time_label_detail_address_and_staff_name()
    {
        var table = Render<PortalActivityTable>(p => p.Add(c => c.Zone, Jakarta).Add(c => c.Rows,
        [
            new PortalActivityView(At.AddMinutes(5), SelfServiceAction.PortalLinkSent, "+6281200000001", null, "Sari Layanan"),
            new PortalActivityView(At, SelfServiceAction.SignedIn, null, "203.0.113.7", null),
        ]));

        var rows = table.FindAll("[data-testid=portal-activity] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())));
        Assert.Equal(
            ["24/11/2026 08:07 | Tautan portal dikirim | +6281200000001 |  | Sari Layanan", "24/11/2026 08:02 | Masuk |  | 203.0.113.7 | "],
            rows);
    }

    [Fact]
    public void A_customer_who_never_used_the_portal_is_told_so()
    {
        var table = Render<PortalActivityTable>(p => p.Add(c => c.Zone, Jakarta).Add(c => c.Rows, []));

        Assert.Equal("Pelanggan belum memakai portal.", table.Find("[data-testid=portal-activity-none]").TextContent.Trim());
    }

    [Fact]
    public void Every_action_has_its_own_label()
    {
        var labels = Enum.GetValues<SelfServiceAction>().Select(PortalActivityTable.ActionLabel).ToList();

        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.DoesNotContain(labels, l => Enum.TryParse<SelfServiceAction>(l, out _));
    }
}
