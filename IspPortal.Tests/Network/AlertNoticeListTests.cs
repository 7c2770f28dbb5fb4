using Bunit;
using IspPortal.Core.Network.Monitoring;
using IspPortal.Core.Notifications;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Network.Components;

namespace IspPortal.Tests.Network;

/// <summary>Monitoring's "Diberitahu" column: who was told of an alert, by which channel, in what state, and when (in the ISP's zone).</summary>
public class AlertNoticeListTests : PortalComponentTest
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly DateTimeOffset At = new(2026, 11, 24, 1, 2, 0, TimeSpan.Zero);

    [Fact]
    public void Each_person_is_one_line_with_their_channels_and_the_resolution_on_its_own_line()
    {
        var list = Render<AlertNoticeList>(p => p.Add(c => c.Zone, Jakarta).Add(c => c.Notices,
        [
            new AlertNoticeView("Nina NOC", false, NotificationChannel.WhatsApp, OutboxStatus.Delivered, At),
            new AlertNoticeView("Nina NOC", false, NotificationChannel.Email, OutboxStatus.Failed, At),
            new AlertNoticeView("Nina NOC", true, NotificationChannel.WhatsApp, OutboxStatus.Pending, At.AddMinutes(85)),
        ]));

        Assert.Equal(
            ["Nina NOC: WA Diterima 24/11/2026 08:02, e-mail Gagal 24/11/2026 08:02", "Selesai → Nina NOC: WA Menunggu 24/11/2026 09:27"],
            list.FindAll("[data-testid=alert-notices] .mud-typography").Select(e => string.Join(' ', e.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void An_alert_nobody_was_told_of_says_so()
    {
        var list = Render<AlertNoticeList>(p => p.Add(c => c.Zone, Jakarta).Add(c => c.Notices, []));

        Assert.Equal("Belum ada yang diberitahu", list.Find("[data-testid=alert-notices-none]").TextContent.Trim());
    }
}
