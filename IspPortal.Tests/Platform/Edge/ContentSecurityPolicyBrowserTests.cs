using IspPortal.Tests.Support;
using Microsoft.Playwright;

namespace IspPortal.Tests.Platform.Edge;

/// <summary>Blazor, MudBlazor and Leaflet run under the portal's Content-Security-Policy: the browser reports no violation.</summary>
public sealed class ContentSecurityPolicyBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Sign_in_dashboard_map_and_registration_work_without_a_policy_violation() => browser.OnPageAsync(async page =>
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        await page.ExposeFunctionAsync("reportCspViolation", (string violation) => violations.Add(violation));
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.reportCspViolation(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);

        await page.SignInAsync("admin");
        await page.WaitForCircuitAsync();
        await page.GotoAsync("/network/map");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".leaflet-container").First).ToBeVisibleAsync();
        await page.GotoAsync("/customers/new");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".mud-input").First).ToBeVisibleAsync();

        Assert.Empty(violations);
    }, portal.BaseAddress);
}
