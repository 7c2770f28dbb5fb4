using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IspPortal.Tests.Support;

/// <summary>Steps every browser test takes: signing in through the real form.</summary>
public static partial class BrowserPages
{
    public const string DemoPassword = "Demo#2025";

    public static async Task SignInAsync(this IPage page, string user, string password = DemoPassword)
    {
        await page.GotoAsync("/login");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(DashboardUrl());
    }

    [GeneratedRegex("/dashboard$")]
    private static partial Regex DashboardUrl();
}
