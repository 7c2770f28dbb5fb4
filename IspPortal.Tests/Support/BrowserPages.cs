using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IspPortal.Tests.Support;

/// <summary>Steps the browser tests share: signing in through the real form, waiting for the circuit, MudBlazor fields.</summary>
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

    /// <summary>
    /// Sets a file on a Blazor <c>InputFile</c> until the page shows it (<paramref name="shown"/>): the input
    /// listens only after its script ran following the first render, so a file set just before that is
    /// missed and set again.
    /// </summary>
    public static async Task PickFileAsync(this IPage page, string inputTestId, FilePayload file, ILocator shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator($"input[type=file][data-testid={inputTestId}]").SetInputFilesAsync(file);
            try
            {
                await Assertions.Expect(shown).ToBeVisibleAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>The page is interactive once MainLayout renders its marker over the live circuit.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The input or textarea of a MudBlazor field, wherever MudBlazor put its data-testid.</summary>
    public static ILocator Input(this ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    public static ILocator Input(this IPage page, string testId) => page.Locator("body").Input(testId);

    /// <summary>Opens a MudSelect by its data-testid and picks the option containing <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").First.Locator("xpath=ancestor-or-self::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Types into a MudAutocomplete and picks the suggestion containing <paramref name="text"/>. Typing
    /// again when no suggestion comes: text filled before the component's input handler is wired
    /// (a dialog that just opened) starts no search. Returns once the pick has come back from the
    /// server (the list closed, the field showing the choice): a field filled while the pick is still on
    /// its way can be re-rendered under the typing.
    /// </summary>
    public static async Task PickSuggestionAsync(this IPage page, string testId, string text)
    {
        var suggestion = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First;
        for (var attempt = 1; ; attempt++)
        {
            await page.Input(testId).FillAsync("");
            await page.Input(testId).FillAsync(text);
            try
            {
                await suggestion.WaitForAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await suggestion.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Input(testId)).ToHaveValueAsync(new Regex(Regex.Escape(text)));
    }

    [GeneratedRegex("/dashboard$")]
    private static partial Regex DashboardUrl();
}
