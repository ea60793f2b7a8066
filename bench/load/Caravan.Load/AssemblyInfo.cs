using System.Runtime.CompilerServices;

// The raw MQTT packets and their parsing are checked against MQTTnet's own decoder in tests/Caravan.Load.Tests.
[assembly: InternalsVisibleTo("Caravan.Load.Tests")]
