package cn.chengxin.exchange.domain;

/** Why a batch was refused as a whole (nothing of it applied): a stable code and a reason for the sender. */
public record Refusal(String code, String reason) {
}
