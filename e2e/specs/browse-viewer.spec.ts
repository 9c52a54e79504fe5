import { readFile } from 'node:fs/promises'
import { expect, test, uniqueTopic } from '../fixtures.ts'
import { expectNoAxeViolations } from '../support/axe.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

test.describe('message browser: decoders on the demo topics', () => {
  test('JSON, text, hex, base64 and images, each chosen automatically and by hand', async ({
    browsePage,
  }) => {
    await browsePage.open({ topic: 'demo.orders', partition: 0, start: 'beginning', sel: '0:0' })
    await expect(browsePage.valueDecoder.locator('option:checked')).toHaveText('Auto (JSON)')
    await expect(browsePage.valueView('JSON')).toContainText('"orderId": "ord-')
    await expect(browsePage.value).toContainText('JSON object')

    await browsePage.open({ topic: 'demo.logs', partition: 0, start: 'beginning', sel: '0:0' })
    await expect(browsePage.valueView('text')).toContainText(/^\d{4}-\d\d-\d\dT.*Z (INFO|DEBUG|WARN|ERROR)/)
    await expect(browsePage.key).toContainText('null (no key)')

    await browsePage.open({ topic: 'demo.binary', partition: 0, start: 'beginning', sel: '0:0' })
    const hex = browsePage.valueHex()
    await expect(hex).toContainText('00000000')
    await expect(hex).toContainText('00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f')
    await expect(hex).toContainText('|@ABCDEFGHIJKLMNO|')
    // Bytes 00 + a 4-byte id look like Schema Registry framing: said, and marked in the dump.
    await expect(browsePage.value).toContainText(
      'Looks like the Schema Registry wire format: prefix 00 01 02 03 04',
    )
    await expect(hex.locator('mark')).toHaveText('00 01 02 03 04')
    await browsePage.valueDecoder.selectOption('text')
    await expect(browsePage.value).toContainText('Not valid UTF-8: 1 invalid byte sequence')
    await expect(browsePage.valueView('text').locator('mark').first()).toHaveText(
      /^\\x80\\x81\\x82.*\\xfe\\xff$/,
    )
    await expect(browsePage.valueView('text')).toContainText('NULSOHSTX')
    await browsePage.valueDecoder.selectOption('base64')
    await expect(browsePage.valueView('base64')).toHaveText(
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('base64'),
    )
    await browsePage.select(0, 2)
    await expect(browsePage.value).toContainText('null (a tombstone)')

    await browsePage.open({ topic: 'demo.images', partition: 0, start: 'beginning', sel: '0:0' })
    const img = browsePage.value.getByRole('img', { name: /Value: PNG image, 96×64 pixels/ })
    await expect(img).toBeVisible()
    expect(await img.evaluate((el: HTMLImageElement) => el.src)).toMatch(/^blob:/)
    await expect(browsePage.value).toContainText('96 × 64 px, image/png')
    await browsePage.valueDecoder.selectOption('hex')
    await expect(browsePage.valueHex()).toContainText('89 50 4e 47 0d 0a 1a 0a')
    await expect(browsePage.value.getByRole('img')).toHaveCount(0)
  })

  test('a 1 MB value: the list shows a prefix, the hex dump renders only the rows in view', async ({
    browsePage,
    page,
  }) => {
    await browsePage.open({ topic: 'demo.large-values', partition: 0, start: 'beginning', sel: '0:1' })
    await expect(browsePage.value).toContainText('Binary · 1.0 MB (1,048,576 bytes)')
    const hex = browsePage.valueHex()
    await expect(hex).toContainText('00000000')
    const rows = await hex.locator('div.absolute').count()
    expect(rows).toBeGreaterThan(10)
    expect(rows).toBeLessThan(80)
    await hex.evaluate((el) => (el.scrollTop = el.scrollHeight))
    await expect(hex).toContainText('000ffff0')
    expect(await hex.locator('div.absolute').count()).toBeLessThan(80)
    // The row preview is a prefix, not the megabyte.
    const preview = await browsePage.row(0, 1).innerText()
    expect(preview.length).toBeLessThan(400)
    // Download gives the exact bytes.
    const download = page.waitForEvent('download')
    await browsePage.download.click()
    const file = await download
    expect(file.suggestedFilename()).toBe('demo.large-values-p0-o1-value.bin')
    expect((await readFile(await file.path())).length).toBe(1024 * 1024)
  })
})

test.describe('message browser: safety', () => {
  test('script-like keys and values and SVG stay inert text', async ({ page, browsePage, sandbox }) => {
    page.on('dialog', (d) => {
      throw new Error(`a payload opened a dialog: ${d.message()}`)
    })
    const topic = uniqueTopic('e2e-browse-inert')
    await sandbox.createTopic(topic, 1)
    const payloads = [
      '<script>window.__pwned = 1; alert(1)</script>',
      '<img src=x onerror="window.__pwned = 2; alert(2)">',
      '{"html":"<img src=x onerror=alert(3)>","n":1}',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = 4"><script>alert(5)</script></svg>',
    ]
    await sandbox.produce(
      topic,
      payloads.map((p) => ({ key: utf8(`<b onmouseover=alert(6)>${p.slice(0, 12)}</b>`), value: utf8(p) })),
    )
    await browsePage.open({ topic, partition: 0, start: 'beginning' })
    await expect(browsePage.options).toHaveCount(4)
    await expect(browsePage.row(0, 1)).toContainText('<img src=x onerror="window.__pwned = 2; alert(2)">')
    for (let i = 0; i < payloads.length; i++) {
      await browsePage.select(0, i)
      for (const decoder of ['auto', 'text', 'json', 'hex', 'base64', 'image']) {
        await browsePage.valueDecoder.selectOption(decoder)
        await browsePage.keyDecoder.selectOption(decoder === 'image' ? 'text' : decoder)
      }
      await browsePage.valueDecoder.selectOption('text')
      await expect(browsePage.valueView('text')).toHaveText(payloads[i])
    }
    await browsePage.valueDecoder.selectOption('image')
    await expect(browsePage.value).toContainText('SVG is never rendered')
    await page.mouse.move(300, 400)
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    // No payload became an element.
    const injected = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
      svgs: document.querySelectorAll('main svg[onload], main svg script').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      bold: document.querySelectorAll('main b[onmouseover]').length,
    }))
    expect(injected).toEqual({ imgs: 0, svgs: 0, scripts: 0, bold: 0 })
  })
})

test.describe('message browser: a big window', () => {
  test('10,000 messages scroll with a bounded number of rows; the keyboard moves the selection', async ({
    page,
    browsePage,
    sandbox,
  }) => {
    test.setTimeout(180_000)
    const topic = uniqueTopic('e2e-browse-10k')
    await sandbox.createTopic(topic, 1)
    const filler = 'x'.repeat(900)
    for (let batch = 0; batch < 10; batch++) {
      await sandbox.produce(
        topic,
        Array.from({ length: 1000 }, (_, i) => ({
          key: utf8(`k-${batch * 1000 + i}`),
          value: utf8(
            JSON.stringify({ seq: batch * 1000 + i, big: 12345678901234567890n.toString(), filler }),
          ),
        })),
      )
    }
    await browsePage.open({ topic, partition: 0, start: 'beginning', count: 10000 })
    await expect(browsePage.summary).toHaveText('10,000 messages of partition 0, offsets 0–9999', {
      timeout: 90_000,
    })
    expect(await browsePage.options.count()).toBeLessThan(60)
    const marks = await page.evaluate(() => ({
      received: performance.getEntriesByName('krc:records-received').length,
      rendered: performance.getEntriesByName('krc:list-rendered').map((m) => m.startTime),
      receivedAt: performance.getEntriesByName('krc:records-received').at(-1)?.startTime ?? 0,
    }))
    expect(marks.received).toBeGreaterThan(0)
    expect(Math.max(...marks.rendered)).toBeGreaterThanOrEqual(marks.receivedAt)

    await browsePage.list.focus()
    await page.keyboard.press('ArrowDown')
    await expect(browsePage.row(0, 0)).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('ArrowDown')
    await expect(browsePage.detailHeading).toHaveText('Partition 0 · offset 1')
    await page.keyboard.press('End')
    await expect(browsePage.detailHeading).toHaveText('Partition 0 · offset 9999')
    await expect(browsePage.row(0, 9999)).toBeVisible()
    await expect(browsePage.list).toHaveAttribute('aria-activedescendant', 'msg-0:9999')
    expect(await browsePage.options.count()).toBeLessThan(60)
    await page.keyboard.press('PageUp')
    await expect(browsePage.detailHeading).toHaveText('Partition 0 · offset 9989')
    await page.keyboard.press('Enter')
    await expect(browsePage.detailHeading).toBeFocused()
    await expect(browsePage.valueView('JSON')).toContainText('"seq": 9989')

    // Quick filter over the loaded window, kept in the URL.
    await browsePage.filter.fill('k-777')
    await expect(page.getByText('11 of 10,000 match')).toBeVisible()
    await expect.poll(() => page.url()).toContain('q=k-777')
    await page.reload()
    await expect(browsePage.filter).toHaveValue('k-777')
    await expect(page.getByText('11 of 10,000 match')).toBeVisible({ timeout: 60_000 })
  })
})

test.describe('message browser: sharing and exporting', () => {
  test('CSV export quotes per RFC 4180; Copy link copies view state only', async ({
    page,
    browsePage,
    sandbox,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    const topic = uniqueTopic('e2e-browse-csv')
    await sandbox.createTopic(topic, 1)
    await sandbox.produce(topic, [
      { key: utf8('a,b'), value: utf8('say "hi"\nnext line') },
      { key: null, value: new Uint8Array([0xff, 0x00]) },
    ])
    await browsePage.open({ topic, partition: 0, start: 'beginning', sel: '0:1', decoder: 'hex' })
    const download = page.waitForEvent('download')
    await browsePage.exportCsv.click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`${topic}-p0-0-1.csv`)
    const csv = await readFile(await file.path(), 'utf8')
    expect(csv).toBe(
      'topic,partition,offset,timestamp,key,value,headers\r\n' +
        `${topic},0,0,,"a,b","say ""hi""\nnext line",\r\n` +
        `${topic},0,1,,,base64:/wA=,\r\n`,
    )
    await browsePage.copyLink.click()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(
      new RegExp(`/#/browse\\?topic=${topic}&partition=0&start=beginning&count=50&decoder=hex&sel=0%3A1$`),
    )
  })

  test('Produce again prefills the produce form; View message after producing opens it here', async ({
    page,
    browsePage,
    producePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-browse-again')
    await sandbox.createTopic(topic, 2)
    await sandbox.produce(topic, [{ key: utf8('k1'), value: utf8('produce me again'), partition: 1 }])
    await browsePage.open({ topic, partition: 1, start: 'beginning', sel: '1:0' })
    await browsePage.produceAgain.click()
    await expect(producePage.heading).toBeVisible()
    await expect(producePage.value).toHaveValue('produce me again')
    await expect(producePage.key).toHaveValue('k1')
    await producePage.produce()
    expect(await producePage.delivered()).toEqual({ partition: 1, offset: 1 })
    await producePage.resultRow(1).details.getByRole('link', { name: 'View message' }).click()
    await expect(browsePage.detailHeading).toHaveText('Partition 1 · offset 1')
    await expect(browsePage.valueView('text')).toHaveText('produce me again')
    await expect(page).toHaveURL(/#\/browse\?/)
  })
})

test.describe('message browser: live tail and accessibility', () => {
  test('live tail polls from the end into a bounded buffer, pauses and resumes; no consumer left', async ({
    page,
    browsePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-browse-live')
    await sandbox.createTopic(topic, 2)
    await sandbox.produce(topic, [{ value: utf8('old'), partition: 0 }])
    await browsePage.open({ topic })
    await expect(browsePage.summary).toHaveText(
      '1 message from 2 partitions, merged by offset, then partition',
    )
    await browsePage.liveTail.click()
    await expect(page.getByText(/^0 new messages .* · [1-9]\d* polls?$/)).toBeVisible()
    await sandbox.produce(topic, [
      { value: utf8('live-1'), partition: 0 },
      { value: utf8('live-2'), partition: 1 },
    ])
    await expect(browsePage.options).toHaveCount(2)
    await expect(browsePage.list).toContainText('live-1')
    await expect(browsePage.list).not.toContainText('old')
    await page.getByRole('button', { name: 'Pause' }).click()
    await sandbox.produce(topic, [{ value: utf8('while-paused'), partition: 1 }])
    await page.waitForTimeout(3000)
    await expect(browsePage.options).toHaveCount(2)
    await page.getByRole('button', { name: 'Resume' }).click()
    await expect(browsePage.list).toContainText('while-paused')
    await page.getByRole('button', { name: 'Stop live tail' }).click()
    await expect(browsePage.summary).toHaveText(
      '1 message from 2 partitions, merged by offset, then partition',
    )
    await expect
      .poll(async () => (await sandbox.activeConsumerGroups()).filter((g) => g.startsWith('krc-')))
      .toEqual([])
  })

  test('the browser is axe-clean with a message selected, light and dark; time search says why it is off', async ({
    page,
    browsePage,
  }) => {
    await browsePage.open({
      topic: 'demo.binary',
      partition: 0,
      start: 'beginning',
      sel: '0:0',
      decoder: 'text',
    })
    await expect(browsePage.detailHeading).toBeVisible()
    await expect(page.getByRole('radio', { name: 'From time' })).toBeDisabled()
    await expect(browsePage.form).toContainText('This API does not return message timestamps')
    await expectNoAxeViolations(page)
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await browsePage.open({ topic: 'demo.images', partition: 0, start: 'beginning', sel: '0:1' })
    await expect(browsePage.value.getByRole('img')).toBeVisible()
    await expectNoAxeViolations(page)
    await browsePage.valueDecoder.selectOption('hex')
    await expectNoAxeViolations(page)
  })
})
