using System.Net;
using System.Net.Sockets;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>A loopback TCP port free at the time of asking, so suites running in parallel never share one (and none uses 1883).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
