using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace IspPortal.Tests.Identity;

/// <summary>The product's default: Admin and Finance must enrol an authenticator app.</summary>
public sealed class MandatoryTwoFactorPortalFactory : PortalFactory
{
    protected override bool KeepsMandatoryTwoFactor => true;
}

public sealed class TwoFactorBrowserTests(MandatoryTwoFactorPortalFactory portal, BrowserFixture browser)
    : IClassFixture<MandatoryTwoFactorPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task An_admin_is_led_to_enrol_then_signs_in_with_a_code_and_once_with_each_recovery_code() => browser.OnPageAsync(async page =>
    {
        var userName = await portal.EnsureUserAsync(Roles.Admin, "totp-admin");

        await PasswordStepAsync(page, userName);
        // Every page leads to enrolment until it is done.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor$"));
        await page.GotoAsync("/customers");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor$"));
        await Assertions.Expect(page.GetByText("mewajibkan verifikasi dua langkah")).ToBeVisibleAsync();

        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.Locator("#code").FillAsync("000000" == totp.ComputeTotp() ? "111111" : "000000");
        await page.GetByTestId("enable").ClickAsync();
        await Assertions.Expect(page.GetByText("Kode tidak cocok")).ToBeVisibleAsync();
        await page.Locator("#code").FillAsync(totp.ComputeTotp());
        await page.GetByTestId("enable").ClickAsync();
        var recoveryCodes = await page.GetByTestId("recovery-codes").Locator("code").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Count);
        await page.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard$"));

        await ForgetSignInAsync(page);
        await PasswordStepAsync(page, userName);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login/two-factor"));
        await page.Locator("#code").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard$"));

        await ForgetSignInAsync(page);
        await PasswordStepAsync(page, userName);
        await page.Locator("#code").FillAsync(recoveryCodes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard$"));

        await ForgetSignInAsync(page);
        await PasswordStepAsync(page, userName);
        await page.Locator("#code").FillAsync(recoveryCodes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kode tidak cocok");

        // The key and the codes are stored encrypted, not as the app shows them.
        await using var db = portal.Database.CreateDbContext();
        var tokens = await db.Set<IdentityUserToken<Guid>>().AsNoTracking().Select(t => t.Value).ToListAsync();
        Assert.NotEmpty(tokens);
        Assert.DoesNotContain(tokens, value => value != null && (value.Contains(key, StringComparison.Ordinal) || value.Contains(recoveryCodes[1], StringComparison.Ordinal)));
    }, portal.BaseAddress);

    [Fact]
    public Task Staff_whose_role_does_not_require_it_goes_straight_to_the_dashboard() => browser.OnPageAsync(async page =>
    {
        var userName = await portal.EnsureUserAsync(Roles.Staff, "totp-staff");

        await PasswordStepAsync(page, userName);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard$"));
    }, portal.BaseAddress);

    /// <summary>
    /// Leaves the signed-in page before its cookies go: otherwise its circuit notices the lost sign-in
    /// and loads /login itself, racing the test's own /login for the antiforgery cookie.
    /// </summary>
    private static async Task ForgetSignInAsync(IPage page)
    {
        await page.GotoAsync("about:blank");
        await page.Context.ClearCookiesAsync();
    }

    private static async Task PasswordStepAsync(IPage page, string userName)
    {
        await page.GotoAsync("/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(PortalUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
