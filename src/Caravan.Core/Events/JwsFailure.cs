namespace Caravan.Core.Events;

/// <summary>Why a detached JWS did not verify: the categories the server maps to problem details and the CLI prints.</summary>
public enum JwsFailure
{
    /// <summary>Not <c>header..signature</c> in base64url, the header is not a JSON object, or the payload part is not empty.</summary>
    Malformed,

    /// <summary>The header's <c>alg</c> is not EdDSA (or Ed25519), or it carries a <c>crit</c> extension Caravan does not implement.</summary>
    UnsupportedAlgorithm,

    /// <summary>The header's <c>kid</c> is missing or is not the id of the key checked against.</summary>
    KeyIdMismatch,

    /// <summary>Well formed, but the signature is not the key's over these payload bytes.</summary>
    InvalidSignature,
}
