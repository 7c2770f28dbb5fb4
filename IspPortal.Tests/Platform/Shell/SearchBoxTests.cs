using Bunit;
using IspPortal.Tests.Support;
using IspPortal.Web.Shell.Components;

namespace IspPortal.Tests.Platform.Shell;

public class SearchBoxTests : PortalComponentTest
{
    private readonly List<string?> _raised = [];

    private IRenderedComponent<SearchBox> RenderSearchBox() =>
        Render<SearchBox>(p => p
            .Add(s => s.DebounceMilliseconds, 0)
            .Add(s => s.ValueChanged, value => _raised.Add(value)));

    [Fact]
    public void Typed_text_is_raised_trimmed()
    {
        var box = RenderSearchBox();

        box.Find("input").Input("  KCB  ");

        Assert.Equal(["KCB"], _raised);
    }

    [Fact]
    public void Blank_text_is_raised_as_null()
    {
        var box = RenderSearchBox();

        box.Find("input").Input("KCB");
        box.Find("input").Input("   ");

        Assert.Equal(["KCB", null], _raised);
    }
}
