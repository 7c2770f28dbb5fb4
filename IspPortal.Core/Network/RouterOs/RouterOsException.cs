using IspPortal.Core.Common;

namespace IspPortal.Core.Network.RouterOs;

/// <summary>What went wrong talking to a router, in terms the portal can act on.</summary>
public enum RouterOsErrorCategory
{
    Other,
    /// <summary>The name (or list + address) is taken.</summary>
    AlreadyExists,
    /// <summary>No item with that id (it may have gone in the meantime).</summary>
    NotFound,
    /// <summary>A bad value or a reference to something that does not exist (e.g. an unknown profile).</summary>
    InvalidArgument,
    UnknownCommand,
    WrongCredentials,
    PermissionDenied,
    /// <summary>No connection, or the connection dropped (including <c>!fatal</c>).</summary>
    Unreachable,
    /// <summary>The router did not answer in time.</summary>
    Timeout,
    /// <summary>The router sent bytes that are not the RouterOS API.</summary>
    Protocol,
}

[FeatureApi]
public sealed class RouterOsException : Exception
{
    public RouterOsException(RouterOsErrorCategory category, string message, string? routerMessage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Category = category;
        RouterMessage = routerMessage;
    }

    public RouterOsException() : this(RouterOsErrorCategory.Other, "RouterOS error") { }

    public RouterOsException(string message) : this(RouterOsErrorCategory.Other, message) { }

    public RouterOsException(string message, Exception innerException) : this(RouterOsErrorCategory.Other, message, null, innerException) { }

    public RouterOsErrorCategory Category { get; }

    /// <summary>The router's own text (<c>!trap =message=</c> or the <c>!fatal</c> reason), when it sent one.</summary>
    public string? RouterMessage { get; }

    /// <summary>Classifies a <c>!trap</c> message by substring (ROUTEROS.md §7.1); RouterOS has no error codes to rely on.</summary>
    public static RouterOsErrorCategory Classify(string? routerMessage)
    {
        if (string.IsNullOrEmpty(routerMessage))
            return RouterOsErrorCategory.Other;
        var text = routerMessage;
        if (Has(text, "invalid user name or password") || Has(text, "cannot log in"))
            return RouterOsErrorCategory.WrongCredentials;
        if (Has(text, "not enough permissions"))
            return RouterOsErrorCategory.PermissionDenied;
        if (Has(text, "already exists") || Has(text, "already have"))
            return RouterOsErrorCategory.AlreadyExists;
        if (Has(text, "no such item") || Has(text, "invalid internal item number") || Has(text, "expected item id"))
            return RouterOsErrorCategory.NotFound;
        if (Has(text, "no such command") || Has(text, "no such directory"))
            return RouterOsErrorCategory.UnknownCommand;
        if (Has(text, "unknown parameter") || Has(text, "input does not match") || Has(text, "invalid value") || Has(text, "missing value"))
            return RouterOsErrorCategory.InvalidArgument;
        return RouterOsErrorCategory.Other;
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
