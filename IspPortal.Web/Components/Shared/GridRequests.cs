using IspPortal.Core.Common;
using MudBlazor;

namespace IspPortal.Web.Components.Shared;

public static class GridRequests
{
    /// <summary>
    /// A MudDataGrid's state as the Core's page request: the sort column is the column's
    /// property name, which each Core list maps to an allowed expression.
    /// </summary>
    public static PageRequest ToPageRequest<T>(this GridState<T> state, string? search)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page, state.PageSize, search, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this PagedResult<T> page) =>
        new() { Items = page.Items, TotalItems = page.Total };
}
