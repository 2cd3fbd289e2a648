package nl.leerlog.tool.keys.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import nl.leerlog.lti.keys.ToolKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The tool's signing keys from the shared database, so every instance signs with the same key and publishes the
 * same key set (Sec §6). It signs with the CURRENT key and publishes CURRENT, NEXT (before it signs) and RETIRED
 * keys until {@code leerlog.keys.retire-after} has passed. Each instance keeps a copy in memory, reloaded at most
 * every {@code leerlog.keys.cache-refresh}, so instances converge after a rotation without a query per call.
 */
@Component
public class DatabaseToolKeys implements ToolKeys {

    private static final Logger log = LoggerFactory.getLogger(DatabaseToolKeys.class);

    private final ToolKeyRepository repository;
    private final PrivateKeyCipher cipher;
    private final KeySettings settings;
    private final Clock clock;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile LoadedKeys loaded;

    DatabaseToolKeys(ToolKeyRepository repository, PrivateKeyCipher cipher, KeySettings settings, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        // At start-up, so a wrong encryption key stops the instance instead of its first signed request.
        this.loaded = load();
    }

    /** The keys as this instance last read them, and from when. */
    private record LoadedKeys(RSAKey signingKey, List<StoredToolKey> keys, Instant loadedAt) {}

    @Override
    public RSAKey signingKey() {
        return fresh().signingKey();
    }

    @Override
    public JWKSet publicKeys() {
        Instant retiredTooLongAgo = clock.instant().minus(settings.retireAfter());
        List<JWK> published = fresh().keys().stream()
                .filter(key ->
                        key.state() != ToolKeyState.RETIRED || key.retiredAt().isAfter(retiredTooLongAgo))
                .map(key -> (JWK) key.publicKey())
                .toList();
        return new JWKSet(published);
    }

    /** Reads the keys from the database now: after this instance rotated, it signs with the new key at once. */
    public void refresh() {
        reloading.lock();
        try {
            loaded = load();
        } finally {
            reloading.unlock();
        }
    }

    private LoadedKeys fresh() {
        LoadedKeys keys = loaded;
        Duration age = Duration.between(keys.loadedAt(), clock.instant());
        if (!age.isNegative() && age.compareTo(settings.cacheRefresh()) < 0) {
            return keys;
        }
        if (!reloading.tryLock()) {
            return keys; // another thread is reloading; the copy in hand is at most a refresh interval old
        }
        try {
            loaded = load();
        } catch (DataAccessException e) {
            // The keys in hand stay valid (a rotation keeps the old ones published); try again next interval.
            log.warn("Could not reload the tool keys, keeping the ones read at {}", keys.loadedAt(), e);
            loaded = new LoadedKeys(keys.signingKey(), keys.keys(), clock.instant());
        } finally {
            reloading.unlock();
        }
        return loaded;
    }

    private LoadedKeys load() {
        Instant now = clock.instant();
        List<StoredToolKey> keys = repository.findAll();
        Set<ToolKeyState> empty = emptySlots(keys);
        if (!empty.isEmpty()) {
            fill(empty, now);
            keys = repository.findAll();
        }
        StoredToolKey current = find(keys, ToolKeyState.CURRENT)
                .orElseThrow(() -> new IllegalStateException("The tool has no current signing key"));
        return new LoadedKeys(privateKey(current), List.copyOf(keys), now);
    }

    /** On the first start (or if a key was removed by hand): a fresh key in each empty place. */
    private void fill(Set<ToolKeyState> slots, Instant now) {
        for (ToolKeyState slot : List.of(ToolKeyState.CURRENT, ToolKeyState.NEXT)) {
            if (!slots.contains(slot)) {
                continue;
            }
            NewToolKey key = NewToolKey.generate(cipher);
            try {
                repository.insert(key, slot, now);
                log.info("Created a new {} tool key {}", slot, key.kid());
            } catch (DataAccessException e) {
                // Another instance starting at the same moment filled this place first: its key is as good.
                log.debug("Another instance created the {} tool key first", slot, e);
            }
        }
    }

    private static Set<ToolKeyState> emptySlots(List<StoredToolKey> keys) {
        Set<ToolKeyState> filled = keys.stream().map(StoredToolKey::state).collect(Collectors.toSet());
        Set<ToolKeyState> empty = EnumSet.of(ToolKeyState.CURRENT, ToolKeyState.NEXT);
        empty.removeAll(filled);
        return empty;
    }

    public static Optional<StoredToolKey> find(List<StoredToolKey> keys, ToolKeyState state) {
        return keys.stream().filter(key -> key.state() == state).findFirst();
    }

    private RSAKey privateKey(StoredToolKey key) {
        RSAKey privateKey;
        try {
            privateKey = RSAKey.parse(cipher.decrypt(key.kid(), key.privateKey()));
        } catch (ParseException e) {
            throw new IllegalStateException("Tool key '" + key.kid() + "' decrypts to no valid JWK", e);
        }
        if (!privateKey.getModulus().equals(key.publicKey().getModulus())
                || !privateKey.getPublicExponent().equals(key.publicKey().getPublicExponent())) {
            throw new IllegalStateException("Tool key '" + key.kid() + "' has a private key of another public key");
        }
        return privateKey;
    }
}
