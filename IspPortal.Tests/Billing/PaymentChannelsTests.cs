using System.Xml.Linq;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Billing;

/// <summary>The channels a customer chooses from, and the payment's rules for what a channel's charge must carry.</summary>
public sealed class PaymentChannelsTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_channels_are_exactly_the_agreed_codes_each_with_a_method_and_three_to_five_steps()
    {
        Assert.Equal(["qris", "va_bca", "va_bni", "va_bri", "va_mandiri", "va_permata", "gopay", "shopeepay"], PaymentChannels.Codes);
        Assert.Equal(["QRIS", "Virtual Account BCA", "Virtual Account BNI", "Virtual Account BRI", "Virtual Account Mandiri", "Virtual Account Permata", "GoPay", "ShopeePay"],
            PaymentChannels.All.Select(c => c.Label));
        Assert.Equal(
            [PaymentMethod.Qris, PaymentMethod.VirtualAccount, PaymentMethod.VirtualAccount, PaymentMethod.VirtualAccount, PaymentMethod.VirtualAccount, PaymentMethod.VirtualAccount,
                PaymentMethod.EWallet, PaymentMethod.EWallet],
            PaymentChannels.All.Select(c => c.Method));
        Assert.All(PaymentChannels.All, c => Assert.InRange(c.Instructions.Count, 3, 5));
        Assert.All(PaymentChannels.Codes, c => Assert.InRange(c.Length, 1, Payment.GatewayChannelMaxLength));
        Assert.Contains(PaymentChannels.Find(PaymentChannels.VaMandiri)!.Instructions, s => s.Contains("biller code", StringComparison.Ordinal));
        Assert.Null(PaymentChannels.Find("VA_BCA"));
    }

    [Fact]
    public void Every_channel_label_and_step_has_an_english_translation_for_the_portal()
    {
        var english = XDocument.Load(Path.Combine(RepositoryFolder.Root, "IspPortal.Web", "Resources", "Localization", "SharedStrings.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = PaymentChannels.All.SelectMany(c => c.Instructions.Prepend(c.Label)).Where(text => !english.Contains(text)).ToList();

        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void A_payment_takes_only_a_channel_of_its_own_method_and_keeps_it()
    {
        var transfer = GatewayPayment(PaymentMethod.VirtualAccount);

        Assert.Throws<InvalidOperationException>(() => transfer.UseChannel(PaymentChannels.GoPay));
        Assert.Throws<ArgumentException>(() => transfer.UseChannel("va_bsi"));
        transfer.UseChannel(PaymentChannels.VaBca);
        Assert.Throws<InvalidOperationException>(() => transfer.UseChannel(PaymentChannels.VaBni));
        Assert.Equal(PaymentChannels.VaBca, transfer.GatewayChannel);
    }

    [Fact]
    public void A_charge_is_shown_only_with_what_its_channel_needs()
    {
        var mandiri = GatewayPayment(PaymentMethod.VirtualAccount, PaymentChannels.VaMandiri);
        var shopee = GatewayPayment(PaymentMethod.EWallet, PaymentChannels.ShopeePay);
        var noChannel = GatewayPayment(PaymentMethod.VirtualAccount);

        Assert.Throws<ArgumentException>(() => mandiri.ShowCharge(null, "890000000001", null, null, At.AddDays(1)));
        Assert.Throws<ArgumentException>(() => shopee.ShowCharge("000201", null, null, null, At.AddHours(1)));
        Assert.Throws<ArgumentException>(() => mandiri.ShowCharge(null, new string('9', Payment.GatewayVaNumberMaxLength + 1), "70012", null, At.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => noChannel.ShowCharge(null, "39002000001", null, null, At.AddDays(1)));
        mandiri.ShowCharge(null, "890000000001", "70012", null, At.AddDays(1));
        Assert.Equal(("890000000001", "70012", At.AddDays(1)), (mandiri.GatewayVaNumber, mandiri.GatewayBillerCode, mandiri.GatewayExpiresAt));
    }

    private static Payment GatewayPayment(PaymentMethod method, string? channel = null)
    {
        var payment = new Payment("PAY/2025/03/000001", 7, method, 150_000m, At, null);
        payment.LinkGateway(PaymentGatewayNames.Midtrans, null, "INV-2025-03-000001-1", null, At);
        if (channel is not null)
            payment.UseChannel(channel);
        return payment;
    }
}
