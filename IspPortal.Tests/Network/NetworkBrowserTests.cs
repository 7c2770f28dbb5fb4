using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IspPortal.Tests.Network;

/// <summary>The routers page against the demo's live simulated routers.</summary>
public sealed partial class NetworkBrowserTests(LiveDemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<LiveDemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Noc_tests_a_router_connection_and_checks_its_drift() => browser.OnPageAsync(async page =>
    {
        await page.SignInAsync("noc");
        await page.GotoAsync("/network/routers");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("test-CKP").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("terhubung ke CKP");

        await page.GetByTestId("drift-CKP").ClickAsync();
        await Assertions.Expect(page.GetByTestId("in-sync")).ToContainTextAsync("sama dengan portal");
        // NOC operates the network but does not manage routers: no add or delete.
        await Assertions.Expect(page.GetByTestId("add")).ToHaveCountAsync(0);
    }, portal.BaseAddress);

    [Fact]
    public Task Admin_adds_a_router_over_tls_by_pinning_the_certificate_read_from_it_while_plain_routers_are_flagged() => browser.OnPageAsync(async page =>
    {
        using var key = RSA.Create(2048);
        using var ephemeral = new CertificateRequest("CN=tls-router.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        await using var router = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = "Tls#Router1", Identity = "TLSR", Certificate = certificate });
        await router.StartAsync();
        var fingerprint = string.Join(':', Convert.ToHexString(SHA256.HashData(certificate.RawData)).Chunk(2).Select(pair => new string(pair)));

        await page.SignInAsync("admin");
        await page.GotoAsync("/network/routers");
        await page.WaitForCircuitAsync();
        // The demo's simulated routers speak the plain API.
        await Assertions.Expect(page.GetByTestId("plain-api")).ToContainTextAsync("CKP");
        await Assertions.Expect(page.GetByTestId("plain-CKP")).ToBeVisibleAsync();

        await page.GetByTestId("add").ClickAsync();
        var dialog = page.GetByTestId("router-dialog");
        await Assertions.Expect(dialog.Input("port")).ToHaveValueAsync("8729");
        await Assertions.Expect(dialog.GetByTestId("plain-api-warning")).ToHaveCountAsync(0);
        await dialog.Input("code").FillAsync("TLSR");
        await dialog.Input("name").FillAsync("Router TLS");
        await dialog.Input("host").FillAsync("127.0.0.1");
        await dialog.Input("port").FillAsync(router.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.Input("password").FillAsync("Tls#Router1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ambil sidik jari dari router" }).ClickAsync();

        await Assertions.Expect(dialog.GetByTestId("tls-read")).ToContainTextAsync("CN=tls-router.local");
        await Assertions.Expect(dialog.GetByTestId("tls-read")).ToContainTextAsync("Ditandatangani sendiri");
        await Assertions.Expect(dialog.Input("tls-fingerprint")).ToHaveValueAsync(fingerprint);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        await page.GetByTestId("test-TLSR").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "terhubung ke TLSR" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("plain-api")).Not.ToContainTextAsync("TLSR");
        await using var db = portal.Database.CreateDbContext();
        var saved = await db.Routers.SingleAsync(r => r.Code == "TLSR");
        Assert.Equal((true, fingerprint.Replace(":", "", StringComparison.Ordinal)), (saved.UseTls, saved.TlsFingerprint));
    }, portal.BaseAddress);

    [Fact]
    public Task Reading_a_certificate_from_a_port_without_tls_says_what_to_check() => browser.OnPageAsync(async page =>
    {
        await using var plain = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = "x" });
        await plain.StartAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/network/routers");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("add").ClickAsync();
        var dialog = page.GetByTestId("router-dialog");
        await dialog.Input("host").FillAsync("127.0.0.1");
        await dialog.Input("port").FillAsync(plain.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ambil sidik jari dari router" }).ClickAsync();

        await Assertions.Expect(dialog.GetByTestId("tls-read-problem")).ToContainTextAsync("pastikan layanan api-ssl aktif");
        await Assertions.Expect(dialog.Input("tls-fingerprint")).ToHaveValueAsync("");
        await dialog.Input("use-tls").ClickAsync(new() { Force = true });
        await Assertions.Expect(dialog.GetByTestId("plain-api-warning")).ToContainTextAsync("tanpa enkripsi");
        await Assertions.Expect(dialog.Input("port")).ToHaveValueAsync(plain.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }, portal.BaseAddress);
}
