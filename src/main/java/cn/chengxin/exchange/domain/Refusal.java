package cn.chengxin.exchange.domain;

import java.util.Set;

/** Why a batch was refused as a whole (nothing of it applied): a stable code and a reason for the sender. */
public record Refusal(String code, String reason) {

    /**
     * The refusals of a message for what it says rather than of the batch or the link (partner, signature, format,
     * time): sending the message again is refused again, so the sender sets it aside instead of holding the rest.
     */
    public static final Set<String> OF_A_MESSAGE = Set.of("EXCHANGE_RELAY_REFUSED", "EXCHANGE_MESSAGE_INVALID",
            "EXCHANGE_MINOR_LISTED");
}
