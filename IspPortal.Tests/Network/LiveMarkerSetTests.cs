using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Map;
using IspPortal.Core.Network.Sync;
using IspPortal.Web.Features.Network.Components;

namespace IspPortal.Tests.Network;

/// <summary>The map component's state handling: which feed changes reach the browser, under which filter.</summary>
public sealed class LiveMarkerSetTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);

    private static MapSnapshot Snapshot(params (string Code, MapMarkerState State)[] markers) =>
        new([.. markers.Select(m => m.Code)], [.. markers.Select(_ => -6.4)], [.. markers.Select(_ => 107.4)], [.. markers.Select(m => (int)m.State)], [.. markers.Select(_ => 1)]);

    private static CustomerConnectionChange Change(string code, ConnectionState state, int router = 1, CustomerStatus status = CustomerStatus.Active, double? latitude = -6.41) =>
        new(0, code, router, state, null, At, status, latitude, latitude is null ? null : 107.41);

    [Fact]
    public void Only_changed_customers_are_sent_the_last_change_winning_and_counts_follow()
    {
        var set = new LiveMarkerSet();
        set.Reset(new MapFilter(), Snapshot(("A", MapMarkerState.Online), ("B", MapMarkerState.Online)));

        Assert.True(set.Queue(new NetworkChanges(1, "CKP", RouterHealth.Up, [Change("A", ConnectionState.Offline)])));
        Assert.False(set.Queue(new NetworkChanges(1, "CKP", RouterHealth.Up, [Change("A", ConnectionState.Online), Change("C", ConnectionState.Online)])));
        var (update, routersChanged) = set.TakeUpdate();

        Assert.Equal(["A", "C"], update.Codes);
        Assert.Equal([(int)MapMarkerState.Online, (int)MapMarkerState.Online], update.States);
        Assert.True(routersChanged);
        Assert.Equal(3, set.Count(MapMarkerState.Online));
        Assert.Equal(0, set.TakeUpdate().Markers.Count);
    }

    [Fact]
    public void Isolation_greys_a_marker_and_termination_removes_it()
    {
        var set = new LiveMarkerSet();
        set.Reset(new MapFilter(), Snapshot(("A", MapMarkerState.Online), ("B", MapMarkerState.Online)));

        set.Queue(new NetworkChanges(1, "CKP", RouterHealth.Up,
            [Change("A", ConnectionState.Online, status: CustomerStatus.Isolated), Change("B", ConnectionState.Offline, status: CustomerStatus.Terminated)]));
        var (update, _) = set.TakeUpdate();

        Assert.Equal([(int)MapMarkerState.Disabled, (int)MapMarkerState.Removed], update.States);
        Assert.Equal((1, 0), (set.Count(MapMarkerState.Disabled), set.Count(MapMarkerState.Online)));
    }

    [Fact]
    public void Under_a_router_and_state_filter_others_are_ignored_and_a_customer_that_leaves_the_filter_is_removed()
    {
        var set = new LiveMarkerSet();
        set.Reset(new MapFilter(RouterId: 1, State: MapMarkerState.Online), Snapshot(("A", MapMarkerState.Online)));

        set.Queue(new NetworkChanges(2, "KTB", RouterHealth.Up, [Change("X", ConnectionState.Online, router: 2)]));
        set.Queue(new NetworkChanges(1, "CKP", RouterHealth.Up, [Change("A", ConnectionState.Offline), Change("N", ConnectionState.Online)]));
        var (update, _) = set.TakeUpdate();

        Assert.Equal(["A", "N"], update.Codes);
        Assert.Equal([(int)MapMarkerState.Removed, (int)MapMarkerState.Online], update.States);
    }

    [Fact]
    public void With_a_package_filter_only_customers_already_shown_are_updated_and_unplaced_new_ones_are_skipped()
    {
        var set = new LiveMarkerSet();
        set.Reset(new MapFilter(ServicePackageId: 7), Snapshot(("A", MapMarkerState.Online)));
        var plain = new LiveMarkerSet();
        plain.Reset(new MapFilter(), Snapshot());

        set.Queue(new NetworkChanges(1, "CKP", RouterHealth.Up, [Change("A", ConnectionState.Offline), Change("OTHER", ConnectionState.Online)]));
        plain.Queue(new NetworkChanges(1, "CKP", RouterHealth.Up, [Change("NOPIN", ConnectionState.Online, latitude: null)]));

        Assert.Equal(["A"], set.TakeUpdate().Markers.Codes);
        Assert.Empty(plain.TakeUpdate().Markers.Codes);
    }
}
