using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace IspPortal.Infrastructure.Demo;

/// <summary>The portal's own address on loopback, for the demo's stand-ins to call its webhooks.</summary>
public static class PortalLoopback
{
    /// <returns>Null until the app has started and Kestrel listens.</returns>
    public static Uri? UrlOf(IServer server, IHostApplicationLifetime lifetime, string path)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
            return null;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
            return null;
        // Kestrel may listen on a wildcard (0.0.0.0, [::], *, +): the webhook is called on loopback, at the same port.
        var binding = Microsoft.AspNetCore.Http.BindingAddress.Parse(address);
        return new Uri($"{binding.Scheme}://127.0.0.1:{binding.Port}/{path.TrimStart('/')}");
    }
}
