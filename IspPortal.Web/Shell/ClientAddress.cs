using System.Net;
using System.Net.Sockets;

namespace IspPortal.Web.Shell;

/// <summary>
/// The client as the rate limiter and the sign-in throttle count it, after the forwarded-headers
/// middleware has applied the trusted proxies: IPv4 as is, IPv6 by its /64 (one subscriber's
/// prefix, in which an attacker would otherwise pick a new address for every try).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
