using System.Text;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.Billing.Payments;
using IspPortal.Infrastructure.StandIns.Midtrans;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The Midtrans adapter against the stand-in over real HTTP, and the notification signature.</summary>
public sealed class MidtransGatewayTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private MidtransStandIn _midtrans = default!;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(database.ConnectionString);
        _midtrans = await QrisBilling.StartMidtransAsync(_services);
    }

    public async Task DisposeAsync()
    {
        await _midtrans.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public void The_signature_is_lowercase_hex_SHA512_of_order_status_amount_and_server_key()
    {
        // Computed independently: python3 -c "import hashlib; print(hashlib.sha512(b'INV-2025-02-000123-1200150000.00SB-Mid-server-TESTKEY0123456789').hexdigest())"
        const string expected = "83f975cfc68df067479b894045580f72fed7ca77c35c8c7469f73b10169e51c8e8c825736c5bb0ad98e9efb2544b9dba56b7a727b45a4bf7c5c93df8e59c5899";

        Assert.Equal(expected, MidtransGateway.Signature("INV-2025-02-000123-1", "200", "150000.00", QrisBilling.ServerKey));
        Assert.True(MidtransGateway.SignatureMatches(expected, "INV-2025-02-000123-1", "200", "150000.00", QrisBilling.ServerKey));
        Assert.True(MidtransGateway.SignatureMatches(expected.ToUpperInvariant(), "INV-2025-02-000123-1", "200", "150000.00", QrisBilling.ServerKey));
        // The amount as written counts: "150000" is not "150000.00".
        Assert.False(MidtransGateway.SignatureMatches(expected, "INV-2025-02-000123-1", "200", "150000", QrisBilling.ServerKey));
        Assert.False(MidtransGateway.SignatureMatches(expected[..^1] + "0", "INV-2025-02-000123-1", "200", "150000.00", QrisBilling.ServerKey));
        Assert.False(MidtransGateway.SignatureMatches("short", "INV-2025-02-000123-1", "200", "150000.00", QrisBilling.ServerKey));
    }

    [Fact]
    public async Task A_charge_returns_the_transaction_the_QRIS_payload_and_the_expiry_read_as_Jakarta_time()
    {
        await using var scope = _services.CreateAsyncScope();
        var gateway = Gateway(scope);

        var charge = await gateway.CreateChargeAsync(QrisRequest("INV-2025-02-000001-1", 275_000m, "Tagihan INV/2025/02/000001", "Siti", null, "+6281234567890", TimeSpan.FromMinutes(60)));

        var order = _midtrans.Order("INV-2025-02-000001-1");
        Assert.Equal((order.TransactionId, order.QrString, "pending", 275_000L), (charge.TransactionId, charge.QrString, charge.Status, order.GrossAmount));
        Assert.Equal(TimeSpan.Zero, charge.ExpiresAt!.Value.Offset);
        Assert.InRange(charge.ExpiresAt.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task A_refused_charge_carries_Midtrans_own_message()
    {
        await using var scope = _services.CreateAsyncScope();
        var gateway = Gateway(scope);
        await gateway.CreateChargeAsync(QrisRequest("INV-2025-02-000002-1", 100_000m, "Tagihan", "Siti", null, null, TimeSpan.FromMinutes(15)));

        var duplicate = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            gateway.CreateChargeAsync(QrisRequest("INV-2025-02-000002-1", 100_000m, "Tagihan", "Siti", null, null, TimeSpan.FromMinutes(15))));
        await SaveServerKeyAsync(scope, "SB-Mid-server-WRONG");
        var unknownKey = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            gateway.CreateChargeAsync(QrisRequest("INV-2025-02-000003-1", 100_000m, "Tagihan", "Siti", null, null, TimeSpan.FromMinutes(15))));
        await SaveServerKeyAsync(scope, QrisBilling.ServerKey);

        Assert.Contains("(406)", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown Merchant server_key", unknownKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_and_notifications_read_as_our_states()
    {
        await using var scope = _services.CreateAsyncScope();
        var gateway = Gateway(scope);
        await gateway.CreateChargeAsync(QrisRequest("INV-2025-02-000004-1", 150_000m, "Tagihan", "Siti", null, null, TimeSpan.FromMinutes(15)));

        var pending = await gateway.GetStatusAsync("INV-2025-02-000004-1");
        _midtrans.Order("INV-2025-02-000004-1").Status = "settlement";
        var settled = await gateway.GetStatusAsync("INV-2025-02-000004-1");
        var notification = await gateway.ReadNotificationAsync(_midtrans.Notification("INV-2025-02-000004-1", "settlement"));
        var tampered = Encoding.UTF8.GetString(_midtrans.Notification("INV-2025-02-000004-1", "settlement")).Replace("150000.00", "1500.00", StringComparison.Ordinal);

        Assert.Equal(GatewayPaymentState.Pending, pending.State);
        Assert.Equal((GatewayPaymentState.Paid, 150_000m), (settled.State, settled.GrossAmount));
        Assert.Equal((GatewayPaymentState.Paid, "settlement", 150_000m), (notification!.State, notification.GatewayStatus, notification.GrossAmount));
        Assert.NotNull(notification.PaidAt);
        Assert.Null(await gateway.ReadNotificationAsync(Encoding.UTF8.GetBytes(tampered)));
        Assert.Null(await gateway.ReadNotificationAsync(Encoding.UTF8.GetBytes("not json")));
        await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.GetStatusAsync("INV-NEVER-1"));
    }

    [Theory]
    [InlineData("settlement", null, GatewayPaymentState.Paid)]
    [InlineData("capture", "accept", GatewayPaymentState.Paid)]
    [InlineData("capture", "challenge", GatewayPaymentState.Pending)]
    [InlineData("pending", null, GatewayPaymentState.Pending)]
    [InlineData("expire", null, GatewayPaymentState.Expired)]
    [InlineData("cancel", null, GatewayPaymentState.Failed)]
    [InlineData("deny", null, GatewayPaymentState.Failed)]
    [InlineData("failure", null, GatewayPaymentState.Failed)]
    public void Midtrans_statuses_map_to_ours(string status, string? fraud, GatewayPaymentState expected) =>
        Assert.Equal(expected, MidtransGateway.StateOf(status, fraud));

    [Fact]
    public void Midtrans_times_are_Jakarta_time() =>
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 30, 0, TimeSpan.Zero), MidtransGateway.ParseTime("2025-02-01 07:30:00"));

    private static ChargeRequest QrisRequest(string orderId, decimal amount, string itemName, string customerName, string? email, string? phone, TimeSpan expiresIn) =>
        new(orderId, amount, itemName, customerName, email, phone, PaymentChannels.Qris, expiresIn);

    private static IPaymentGateway Gateway(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetServices<IPaymentGateway>().Single(g => g.Name == MidtransGateway.GatewayName);

    private async Task SaveServerKeyAsync(AsyncServiceScope scope, string serverKey)
    {
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        var saved = await settings.SaveAsync(await settings.GetAsync<PaymentGatewaySettings>() with
        {
            MidtransServerKeyEncrypted = _services.GetRequiredService<ISecretProtector>().Protect(SecretKind.PaymentGatewayCredential, serverKey),
        }, Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
    }
}
