namespace Caravan.Server.Mqtt;

/// <summary>How Caravan takes telemetry over MQTT.</summary>
public enum MqttMode
{
    /// <summary>Caravan runs its own broker (MQTTnet) and authenticates each device itself.</summary>
    Embedded,

    /// <summary>Caravan subscribes to an external broker (Mosquitto, EMQX), which authenticates the devices.</summary>
    External,

    /// <summary>No MQTT: devices use HTTP only.</summary>
    Off,
}
