// Every htmx request carries the CSRF token from the page's <meta> tags (STACK-NOTES trap 7).
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// A signed-in page watches its session (account.security.SessionWatch). While its user types or clicks, it asks the
// server at most once a minute, which keeps the session alive; left alone, the session still ends on time. Two minutes
// before an idle session ends the page says so; once it has ended, the page keeps what was written, refuses to send
// its forms into a refusal, and, after the user has signed in again in another window, takes the new session's CSRF
// token into its forms so that they can be sent.
(function () {
    var meta = document.querySelector('meta[name="session-watch"]');
    if (!meta) {
        return;
    }
    var text = meta.dataset;
    var timeout = (parseInt(text.timeout, 10) || 900) * 1000;
    var WARN_BEFORE = 120000;
    var ASK_AT_MOST_EVERY = 60000;
    var lastContact = Date.now();
    var state = 'alive'; // alive | warned | expired | other | resumed
    var banner = null;

    function button(label, action) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'button';
        b.textContent = label;
        b.addEventListener('click', action);
        return b;
    }

    function show(next) {
        state = next;
        if (banner) {
            banner.remove();
        }
        banner = document.createElement('div');
        banner.className = 'session-watch alert ' + (next === 'resumed' ? 'info' : 'error');
        banner.setAttribute('role', next === 'resumed' ? 'status' : 'alert');
        banner.id = 'session-watch';
        var message = document.createElement('p');
        message.textContent = {warned: text.warn, expired: text.expired, other: text.otherUser,
            resumed: text.resumed}[next];
        banner.appendChild(message);
        if (next === 'warned') {
            banner.appendChild(button(text.continue, ask));
        }
        if (next === 'expired' || next === 'other') {
            var signIn = document.createElement('a');
            signIn.className = 'button primary';
            signIn.href = text.login;
            signIn.target = '_blank';
            signIn.rel = 'noopener';
            signIn.textContent = text.signIn;
            banner.appendChild(signIn);
            banner.appendChild(button(text.resume, ask));
        }
        document.body.insertBefore(banner, document.body.firstChild);
    }

    function hide() {
        state = 'alive';
        if (banner) {
            banner.remove();
            banner = null;
        }
    }

    function adopt(csrf) {
        if (!csrf || !csrf.token) {
            return;
        }
        document.querySelectorAll('input[name="' + csrf.parameter + '"]').forEach(function (input) {
            input.value = csrf.token;
        });
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            token.content = csrf.token;
            header.content = csrf.header;
        }
    }

    function ask() {
        var wasOut = state === 'expired' || state === 'other';
        lastContact = Date.now();
        fetch(meta.content, {headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
            redirect: 'manual', credentials: 'same-origin', cache: 'no-store'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('signed out');
                }
                return response.json();
            })
            .then(function (status) {
                if (status.user !== text.user) {
                    show('other');
                    return;
                }
                adopt(status.csrf);
                if (wasOut) {
                    show('resumed');
                    setTimeout(function () {
                        if (state === 'resumed') {
                            hide();
                        }
                    }, 10000);
                } else {
                    hide();
                }
            })
            .catch(function () {
                show('expired');
            });
    }

    function idle() {
        return Date.now() - lastContact;
    }

    function active() {
        if (state === 'expired' || state === 'other') {
            return; // only the user's "signed in again" asks: a refused request keeps nothing alive
        }
        if (state === 'warned' && idle() < timeout) {
            ask();
        } else if (idle() >= timeout) {
            show('expired');
        } else if (idle() > ASK_AT_MOST_EVERY) {
            ask();
        }
    }

    ['keydown', 'input', 'pointerdown'].forEach(function (kind) {
        document.addEventListener(kind, function (event) {
            if (!banner || !banner.contains(event.target)) {
                active();
            }
        }, {capture: true, passive: true});
    });
    document.addEventListener('htmx:afterRequest', function () {
        lastContact = Date.now();
    });
    document.addEventListener('submit', function (event) {
        if (/\/logout$/.test(event.target.getAttribute('action') || '')) {
            return; // signing out needs no session
        }
        if (state === 'expired' || state === 'other' || idle() >= timeout) {
            event.preventDefault();
            if (state !== 'other') {
                show('expired');
            }
            banner.scrollIntoView();
        }
    }, true);
    setInterval(function () {
        if (state === 'alive' || state === 'resumed' || state === 'warned') {
            if (idle() >= timeout) {
                show('expired');
            } else if (state !== 'warned' && idle() >= timeout - WARN_BEFORE) {
                show('warned');
            }
        }
    }, 15000);
}());

// The console's navigation on a narrow screen (gaps review xxxv O5): a closed menu above the page, not a column of up
// to 36 links before every page's content. It is sent open, so that it works without script.
(function () {
    var menu = document.querySelector('details.console-menu');
    if (menu && window.matchMedia && window.matchMedia('(max-width: 800px)').matches) {
        menu.open = false;
    }
})();

// Status regions (gaps review xxxv O11, WCAG 4.1.3): a region that htmx refreshes every second (a batch's progress)
// is not itself live, or its numbers would be read out each second. It holds a hidden text, [data-live-to], naming a
// role="status" region outside it; the region's text is changed only when that text changes (a batch running, a
// batch finished with its counts), so a screen reader says the change once.
(function () {
    function announce() {
        document.querySelectorAll('[data-live-to]').forEach(function (source) {
            var region = document.getElementById(source.getAttribute('data-live-to'));
            var text = source.textContent.trim();
            if (region && region.textContent !== text) {
                region.textContent = text;
            }
        });
    }
    announce();
    document.addEventListener('htmx:afterSettle', announce);
})();

// A wide table scrolls within itself on a narrow screen (site.css); a keyboard user must be able to scroll it too
// (WCAG 2.1.1; axe scrollable-region-focusable): a table wider than its box is made focusable, and no longer when it
// fits again. Wider than 600 px the style sheet lets a table take its width, so one wider than its box is marked
// `scrolls` to scroll within itself there too: at 200 % zoom (640 CSS px) /catalog was 884 px wide and the whole page
// scrolled sideways with it (gaps review xlv Z2, WCAG 1.4.4). It is measured unmarked, as laid out by the sheet.
(function () {
    function room(box) {
        var style = window.getComputedStyle(box);
        return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }

    function scrollers() {
        document.querySelectorAll('.data-table').forEach(function (table) {
            table.classList.remove('scrolls');
            if (table.parentElement && table.offsetWidth > room(table.parentElement) + 1) {
                table.classList.add('scrolls');
            }
            var overflows = table.scrollWidth > table.clientWidth + 1;
            if (overflows && !table.hasAttribute('tabindex')) {
                table.setAttribute('tabindex', '0');
                table.setAttribute('data-scroller', '');
            } else if (!overflows && table.hasAttribute('data-scroller')) {
                table.removeAttribute('tabindex');
                table.removeAttribute('data-scroller');
            }
        });
    }
    scrollers();
    window.addEventListener('resize', scrollers);
    document.addEventListener('htmx:afterSettle', scrollers);
})();

// A refused field (gaps review xxxv O2, WCAG 3.3.1): the console's forms put the refusal beside the field it names
// (fragments/typed-text :: refusal) and describe the field by it; the field is marked invalid too, so that a screen
// reader says "invalid entry" on reaching it. Self-service pages mark it in their markup already.
(function () {
    document.querySelectorAll('.field-refusal[id]').forEach(function (refusal) {
        document.querySelectorAll('[aria-describedby~="' + refusal.id + '"]').forEach(function (field) {
            if (!field.hasAttribute('aria-invalid')) {
                field.setAttribute('aria-invalid', 'true');
            }
        });
    });
})();

// The minutes a text code has left (gaps review xxxv O6, WCAG 2.2.1): counted from the seconds the server gave when
// the page was sent, by this device's clock, and written into a polite live region only when the number of whole
// minutes changes, so that a screen reader hears it at most once a minute. The page says the clock time without it.
(function () {
    document.querySelectorAll('[data-countdown]').forEach(function (region) {
        var end = Date.now() + Number(region.getAttribute('data-countdown')) * 1000;
        function update() {
            var left = end - Date.now();
            var minutes = Math.ceil(left / 60000);
            var text = minutes > 0 ? region.getAttribute('data-countdown-text').replace('{0}', minutes)
                : region.getAttribute('data-countdown-over');
            if (region.textContent !== text) {
                region.textContent = text;
            }
            if (minutes > 0) {
                setTimeout(update, left - (minutes - 1) * 60000 + 50);
            }
        }
        update();
    });
})();
