package cn.chengxin.audit.web;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import cn.chengxin.audit.Checkpoints;
import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit log's signed checkpoints, published so that outsiders can keep them: a page on the public site
 * and the same as JSON. Anyone holding an older checkpoint can later demand a consistency proof.
 */
@Controller
@PublicEndpoint
class CheckpointPages {

    private final Checkpoints checkpoints;

    CheckpointPages(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping("/audit/checkpoints")
    String page(Model model) {
        model.addAttribute("checkpoints", view(checkpoints.recent(50)));
        model.addAttribute("publicKey", checkpoints.publicKey());
        model.addAttribute("keyId", checkpoints.keyId());
        model.addAttribute("retiredKeys", retired());
        return "portal/checkpoints";
    }

    @GetMapping(value = "/api/v1/audit/checkpoints", produces = "application/json")
    @ResponseBody
    Published json() {
        return new Published("SM2 (sm2p256v1) with SM3, signed bytes: chengxin-audit-checkpoint/v1",
                checkpoints.publicKey(), checkpoints.keyId(), retired(), view(checkpoints.recent(50)));
    }

    /** The public halves of the keys that signed before the current one, by key id (I4). */
    private java.util.Map<String, String> retired() {
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>(checkpoints.publicKeys());
        keys.remove(checkpoints.keyId());
        return keys;
    }

    /**
     * RFC 9162 §2.1.4 consistency proof between two published checkpoints: whoever kept the older one checks
     * that the newer log still begins with it.
     */
    @GetMapping(value = "/api/v1/audit/checkpoints/consistency", produces = "application/json")
    @ResponseBody
    @cn.chengxin.shared.web.Refuses(status = 422, value = "CHECKPOINT_UNKNOWN")
    Consistency consistency(@org.springframework.web.bind.annotation.RequestParam long from,
                            @org.springframework.web.bind.annotation.RequestParam long to) {
        return new Consistency(from, to, checkpoints.consistencyProof(from, to).stream()
                .map(HexFormat.of()::formatHex).toList());
    }

    record Consistency(long fromSize, long toSize, List<String> proofHex) {
    }

    private static List<View> view(List<Checkpoints.Signed> signed) {
        return signed.stream().map(c -> new View(c.treeSize(), HexFormat.of().formatHex(c.root()), c.at(),
                Base64.getEncoder().encodeToString(c.signature()), c.keyId())).toList();
    }

    record View(long treeSize, String rootHex, Instant at, String signatureBase64, String keyId) {
    }

    /** {@code retiredKeysBase64}: key id to public key of each key that signed before; a checkpoint names its key. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AuditCheckpoints")
    record Published(String algorithm, String publicKeyBase64, String keyId,
                     java.util.Map<String, String> retiredKeysBase64, List<View> checkpoints) {
    }
}
