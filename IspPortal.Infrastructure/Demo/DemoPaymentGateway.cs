using System.Security.Cryptography;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.Midtrans;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo ISP's payment gateway (QRIS, virtual accounts, e-wallets): the Midtrans stand-in on loopback, with the payment gateway settings pointed
/// at it (unless an admin chose a real gateway), and its notifications going to the portal's own
/// endpoint, so a demo visitor can "pay" an invoice from the pay page and watch it turn LUNAS.
/// </summary>
/// <param name="notificationPath">The portal's Midtrans notification route.</param>
public sealed class DemoPaymentGateway(
    IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime, ISecretProtector secrets, ILogger<DemoPaymentGateway> logger, string notificationPath)
    : IHostedService, IAsyncDisposable, IPaymentSimulation
{
    private MidtransStandIn? _standIn;

    public bool Running => _standIn is not null;

    bool IPaymentSimulation.IsAvailable => Running;

    Task<bool> IPaymentSimulation.SimulatePaymentAsync(string orderId, CancellationToken cancellationToken) => PayAsync(orderId);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        var current = await settings.GetAsync<PaymentGatewaySettings>(cancellationToken);
        // A gateway on loopback is this stand-in's from an earlier run (on another port now).
        var ours = current.Provider == PaymentGatewayProvider.Midtrans && Uri.TryCreate(current.MidtransBaseUrl, UriKind.Absolute, out var url) && url.IsLoopback;
        if (current.Provider != PaymentGatewayProvider.None && !ours)
        {
            logger.LogInformation("Demo payment gateway stand-in not started: the settings name a gateway already");
            return;
        }
        var serverKey = "SB-Mid-server-" + RandomNumberGenerator.GetHexString(24);
        _standIn = await MidtransStandIn.StartAsync(serverKey, cancellationToken: cancellationToken);
        lifetime.ApplicationStarted.Register(() => _standIn.NotificationUrl = PortalLoopback.UrlOf(server, lifetime, notificationPath));
        var saved = await settings.SaveAsync(current with
        {
            Provider = PaymentGatewayProvider.Midtrans,
            MidtransBaseUrl = _standIn.BaseAddress.ToString(),
            MidtransServerKeyEncrypted = secrets.Protect(SecretKind.PaymentGatewayCredential, serverKey),
        }, Actor.System, cancellationToken);
        if (!saved.Succeeded)
            logger.LogWarning("Demo payment gateway settings not saved: {Error}", saved.FirstError);
        else
            logger.LogInformation("Demo payment gateway (Midtrans stand-in) at {Address}", _standIn.BaseAddress);
    }

    /// <summary>Pays the order as the demo customer would with their banking app; false when the stand-in does not know it.</summary>
    public async Task<bool> PayAsync(string orderId)
    {
        if (_standIn is null || _standIn.Orders.All(o => o.OrderId != orderId))
            return false;
        using var delivered = await _standIn.PayAsync(orderId);
        if (!delivered.IsSuccessStatusCode)
            logger.LogWarning("Demo payment of {OrderId}: the portal answered {Status}", orderId, (int)delivered.StatusCode);
        return delivered.IsSuccessStatusCode;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_standIn is not null)
            await _standIn.DisposeAsync();
    }
}
