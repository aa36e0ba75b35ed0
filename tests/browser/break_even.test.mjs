// The break-even page in Chromium: fill the form like a user, check the
// numbers and the verdict, the error messages, the URL state, and save
// screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadLlmcalc } from 'llmcalc';
import { startSite, SCREENSHOTS, DESKTOP, PHONE } from './browser.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

async function openPage(viewport = DESKTOP, query = '') {
  const page = await site.newPage(viewport);
  await page.goto(`${site.url}break-even/${query}`);
  await page.waitForSelector('[data-results]:not([hidden])');
  return page;
}

async function setCostMode(page) {
  await page.click('label[for="base_mode_cost"]');
  await page.click('label[for="tuned_mode_cost"]');
  assert.ok(await page.isChecked('#base_mode_cost'));
}

test('default inputs give a result, a verdict and a chart', async () => {
  const page = await openPage();
  // 3,000→500 prompt tokens, $0.15/$0.60 vs $0.30/$1.20: $0.00063 vs $0.00051.
  assert.equal(await page.textContent('[data-out="break_even"]'), '750,000');
  assert.equal(await page.textContent('[data-out="saving_sub"]'), '$0.00063 → $0.00051');
  assert.equal(await page.getAttribute('[data-verdict-box]', 'data-verdict'), 'prompt');
  assert.ok((await page.locator('[data-chart] path').count()) >= 2);
  await page.screenshot({ path: `${SCREENSHOTS}/break-even-desktop.png`, fullPage: true });
  await page.close();
});

test('typed costs update the result live: 1,000 / (0.01 − 0.002) = 125,000', async () => {
  const page = await openPage();
  await setCostMode(page);
  await page.fill('#training_cost', '1,000');
  await page.fill('#base_cost', '0.01');
  await page.fill('#tuned_cost', '0.002');
  await page.fill('#monthly_volume', '100000');
  await page.fill('#horizon_months', '10');
  assert.equal(await page.textContent('[data-out="break_even"]'), '125,000');
  assert.equal(await page.textContent('[data-out="break_even_sub"]'), 'requests · after 1.3 months');
  assert.equal(await page.textContent('[data-out="ratio"]'), '8.0×');
  assert.equal(await page.textContent('[data-out="net"]'), '$7,000.00');
  assert.equal(await page.getAttribute('[data-verdict-box]', 'data-verdict'), 'depends');
  assert.match(await page.textContent('[data-explanation]'), /8\.0× past the break-even of 125,000 requests/);

  await page.fill('#monthly_volume', '1,000,000');
  assert.equal(await page.getAttribute('[data-verdict-box]', 'data-verdict'), 'fine-tune');
  await page.fill('#tuned_cost', '0.02');
  assert.equal(await page.getAttribute('[data-verdict-box]', 'data-verdict'), 'never');
  assert.equal(await page.textContent('[data-out="break_even"]'), 'Never');
  await page.close();
});

test('bad input gets a clear message on the field, never NaN or Infinity', async () => {
  const page = await openPage();
  await setCostMode(page);
  const cases = [
    ['#training_cost', '-5', 'training_cost', /cannot be negative/],
    ['#training_cost', '', 'training_cost', /missing|empty/],
    ['#training_cost', 'abc', 'training_cost', /not a number/],
    ['#training_cost', '1e300', 'training_cost', /out of range/],
    ['#base_cost', 'NaN', 'base_cost', /not a number/],
    ['#monthly_volume', '0', 'monthly_volume', /greater than 0/],
    ['#horizon_months', 'Infinity', 'horizon_months', /not a number/],
  ];
  for (const [selector, value, field, message] of cases) {
    await page.fill(selector, value);
    const error = page.locator(`.field[data-field="${field}"] .error`);
    assert.match(await error.textContent(), message, `${selector}=${value}`);
    assert.equal(await page.getAttribute(selector, 'aria-invalid'), 'true');
    assert.ok(await page.locator('[data-results]').isHidden());
    // Everything shown except the error messages, which quote the input.
    const shown = await page.evaluate(() => {
      const copy = document.querySelector('main').cloneNode(true);
      copy.querySelectorAll('.error, [data-form-error]').forEach((e) => e.remove());
      return copy.textContent;
    });
    assert.doesNotMatch(shown, /NaN|Infinity|undefined|\[object/, `${selector}=${value}`);
    await page.fill(selector, selector === '#base_cost' ? '0.01' : selector === '#training_cost' ? '1000' : '12');
    assert.ok(await page.locator('[data-results]').isVisible(), `recovers after ${selector}=${value}`);
  }
  // An empty volume is allowed: the break-even alone, with a note.
  await page.fill('#monthly_volume', '');
  assert.match(await page.textContent('[data-notes]'), /No volume given/);
  assert.equal(await page.textContent('[data-out="ratio"]'), '—');
  await page.screenshot({ path: `${SCREENSHOTS}/break-even-no-volume.png`, fullPage: true });
  await page.close();
});

test('inputs live in the URL and a reload restores them', async () => {
  const page = await openPage();
  await setCostMode(page);
  await page.fill('#training_cost', '2500');
  await page.fill('#base_cost', '0.01');
  await page.fill('#tuned_cost', '0.005');
  assert.match(page.url(), /training_cost=2500/);
  await page.reload();
  await page.waitForSelector('[data-results]:not([hidden])');
  assert.equal(await page.inputValue('#training_cost'), '2500');
  assert.equal(await page.textContent('[data-out="break_even"]'), '500,000');
  await page.close();
});

test('exports: series as CSV and JSON, the chart as PNG and SVG', async () => {
  const page = await openPage();
  const save = async (kind) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  };
  const csv = await save('csv');
  assert.equal(csv.name, 'break-even.csv');
  const lines = csv.bytes.toString().trim().split('\r\n');
  assert.equal(lines[0], 'requests,months,base_cost,tuned_cost');
  assert.equal(lines[1], '0,0,0,90');
  const json = JSON.parse((await save('json')).bytes);
  assert.equal(json.result.break_even_requests, 750000);
  assert.equal(json.input.training_cost, '90');
  const png = await save('png');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 5000);
  const svg = (await save('svg')).bytes.toString();
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /break-even: 750,000/);
  // No result, nothing to export.
  await page.fill('#training_cost', 'x');
  assert.ok(await page.isDisabled('[data-export="csv"]'));
  await page.close();
});

test('phone width: readable single column', async () => {
  const page = await openPage(PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no horizontal scroll (scrollWidth ${width})`);
  await page.screenshot({ path: `${SCREENSHOTS}/break-even-phone.png`, fullPage: true });
  await page.close();
});

test('dark theme toggle and screenshot', async () => {
  const page = await openPage(DESKTOP);
  await page.click('[data-theme-toggle]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.screenshot({ path: `${SCREENSHOTS}/break-even-dark.png`, fullPage: true });
  await page.close();
});

test('real prices: models from the catalog fill the price fields; a tuned model replaces a larger one', async () => {
  const llm = await loadLlmcalc();
  const catalog = await llm.loadCatalog();
  const gpt4o = catalog.models.find((m) => m.provider === 'openai' && m.id === 'gpt-4o');
  const page = await openPage();
  await page.waitForSelector('#base_model option[value="openai:gpt-4o"]', { state: 'attached' });
  await page.selectOption('#base_model', 'openai:gpt-4o');
  assert.equal(await page.inputValue('#base_input_price'), String(gpt4o.prices.input));
  assert.equal(await page.inputValue('#base_output_price'), String(gpt4o.prices.output));
  assert.match(await page.textContent('[data-model-hint="base"]'), new RegExp(`as of ${gpt4o.as_of}`));
  await page.selectOption('#tuned_model', 'tuned:openai:gpt-4o-mini');
  assert.equal(await page.inputValue('#tuned_input_price'), '0.3');
  assert.equal(await page.inputValue('#tuned_output_price'), '1.2');
  const expected = llm.breakEven({
    training_cost: '90', base_prompt_tokens: '3000', base_output_tokens: '300', base_input_price: String(gpt4o.prices.input), base_output_price: String(gpt4o.prices.output),
    tuned_prompt_tokens: '500', tuned_output_tokens: '300', tuned_input_price: '0.3', tuned_output_price: '1.2', monthly_volume: '100,000', horizon_months: '12',
  });
  await page.waitForFunction((want) => document.querySelector('[data-out="break_even"]').textContent === want, llm.format.count(expected.break_even_requests));
  assert.match(decodeURIComponent(page.url()), /tuned_model=tuned:openai:gpt-4o-mini/);
  // Typing a price switches the picker back to typed prices.
  await page.fill('#tuned_input_price', '0.35');
  assert.equal(await page.inputValue('#tuned_model'), '');
  // The example link restores both models once the catalog has loaded.
  await page.goto(`${site.url}break-even/`);
  await page.click('[data-scenario]');
  await page.waitForFunction(() => document.querySelector('#tuned_model').value === 'tuned:openai:gpt-4o-mini');
  assert.equal(await page.inputValue('#base_model'), 'openai:gpt-4o');
  assert.equal(await page.inputValue('#training_cost'), '4.5');
  await page.screenshot({ path: `${SCREENSHOTS}/break-even-catalog-desktop.png`, fullPage: true });
  await page.context().close();
});

test('nothing was requested from another origin and no script errors', () => {
  assert.deepEqual(site.foreignRequests, []);
  assert.deepEqual(site.pageErrors, []);
});
