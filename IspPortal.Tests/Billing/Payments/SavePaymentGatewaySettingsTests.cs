using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using IspPortal.Core.Billing;

namespace IspPortal.Tests.Billing.Payments;

/// <summary>The payment gateway form hands the typed server key to Core, which stores it only encrypted.</summary>
public sealed class SavePaymentGatewaySettingsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_server_key_is_stored_encrypted_and_a_blank_one_keeps_it()
    {
        var current = await _services.UseAsync<PortalSettings, PaymentGatewaySettings>(s => s.GetAsync<PaymentGatewaySettings>());
        var midtrans = current with { Provider = PaymentGatewayProvider.Midtrans, MidtransBaseUrl = PaymentGatewaySettings.MidtransSandboxUrl };

        var first = await SaveAsync(midtrans, " SB-Mid-server-abc ");
        var second = await SaveAsync(first with { QrisExpiryMinutes = 30 }, "");

        var protector = _services.GetRequiredService<ISecretProtector>();
        Assert.NotEqual("SB-Mid-server-abc", first.MidtransServerKeyEncrypted);
        Assert.Equal("SB-Mid-server-abc", protector.Unprotect(SecretKind.PaymentGatewayCredential, first.MidtransServerKeyEncrypted!));
        Assert.Equal(30, second.QrisExpiryMinutes);
        Assert.Equal(first.MidtransServerKeyEncrypted, second.MidtransServerKeyEncrypted);
    }

    [Fact]
    public async Task Without_the_demo_no_payment_can_be_simulated()
    {
        var simulation = _services.GetRequiredService<IPaymentSimulation>();

        Assert.False(simulation.IsAvailable);
        Assert.False(await simulation.SimulatePaymentAsync("order-1"));
    }

    private async Task<PaymentGatewaySettings> SaveAsync(PaymentGatewaySettings changes, string? serverKey)
    {
        var outcome = await _services.UseAsync<SavePaymentGatewaySettings, Outcome<PaymentGatewaySettings>>(save => save.ExecuteAsync(changes, serverKey, Actor.System));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }
}
