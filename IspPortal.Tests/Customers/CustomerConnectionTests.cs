using System.Net;
using IspPortal.Core.Customers;

namespace IspPortal.Tests.Customers;

public sealed class CustomerConnectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Going_offline_keeps_the_last_sync_that_saw_the_session_as_last_seen()
    {
        var customer = new Customer("KCB-CKP010225-001", "Budi", "+6281234567890", 1, 1, T0);
        Assert.NotNull(customer.RecordConnection(ConnectionState.Online, IPAddress.Parse("10.10.0.2"), T0, T0));

        var log = customer.RecordConnection(ConnectionState.Offline, null, null, T0.AddMinutes(10), lastSeenOnline: T0.AddMinutes(5));

        Assert.NotNull(log);
        Assert.Equal(ConnectionState.Offline, customer.ConnectionState);
        Assert.Equal(T0.AddMinutes(5), customer.LastSeenAt);
        Assert.Null(customer.CurrentIp);
    }

    [Fact]
    public void The_same_state_again_writes_no_log()
    {
        var customer = new Customer("KCB-CKP010225-002", "Sri", "+6281234567891", 1, 1, T0);
        customer.RecordConnection(ConnectionState.Offline, null, null, T0);

        Assert.Null(customer.RecordConnection(ConnectionState.Offline, null, null, T0.AddMinutes(5)));
    }
}
