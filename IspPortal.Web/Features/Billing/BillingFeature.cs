using IspPortal.Core.Identity;
using IspPortal.Web.Features.Billing.Components;
using IspPortal.Web.Features.Billing.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;
using MudBlazor;

namespace IspPortal.Web.Features.Billing;

public sealed class BillingFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Billing, "Daftar tagihan", "/billing/invoices", Icons.Material.Filled.ReceiptLong, Permissions.BillingRead, 10),
        new(NavSections.Billing, "Riwayat proses penagihan", "/billing/runs", Icons.Material.Filled.History, Permissions.BillingRead, 20),
        new(NavSections.Billing, "Pembayaran", "/billing/payments", Icons.Material.Filled.Payments, Permissions.BillingRead, 30),
        new(NavSections.Settings, "Paket layanan", "/settings/packages", Icons.Material.Filled.Speed, Permissions.ReferenceDataRead, 20),
    ];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        // The logo and the payment instructions print on the company's invoices: under the company profile.
        new("Perusahaan", Icons.Material.Filled.Business, 11, [typeof(CompanyLogoForm), typeof(PaymentInstructionsForm)]),
        new("Penagihan", Icons.Material.Filled.ReceiptLong, 30, [typeof(BillingSettingsForm)]),
        new("Pembayaran online", Icons.Material.Filled.QrCode2, 60, [typeof(PaymentGatewaySettingsForm)]),
    ];

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapPackageEndpoints();
        api.MapBillingEndpoints();
        api.MapInvoiceEndpoints();
        api.MapPaymentEndpoints();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBillingDocuments();
        // Midtrans signs its notifications and cannot send an API key: outside the /api group's scheme.
        endpoints.MapPaymentNotifications();
    }
}
